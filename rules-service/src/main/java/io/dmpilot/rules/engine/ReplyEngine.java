package io.dmpilot.rules.engine;

import java.util.Optional;

/** One way of choosing a reply. Pure: no I/O, so each engine is unit-tested and benchmarked alone. */
public interface ReplyEngine {
    Optional<EngineMatch> match(MessageContext message, AccountRules rules);
}
