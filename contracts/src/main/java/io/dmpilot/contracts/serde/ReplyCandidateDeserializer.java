package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.ReplyCandidate;

public class ReplyCandidateDeserializer extends JsonEventDeserializer<ReplyCandidate> {
    public ReplyCandidateDeserializer() {
        super(ReplyCandidate.class);
    }
}
