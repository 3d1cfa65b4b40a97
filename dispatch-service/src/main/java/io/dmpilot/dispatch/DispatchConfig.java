package io.dmpilot.dispatch;

import io.dmpilot.contracts.Tier;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "dmpilot.dispatch")
public interface DispatchConfig {
    /** The "对方正在输入" pause before each send (seed §4); 0 turns it off (benchmarks, local demo). */
    @WithDefault("500ms")
    Duration typingPauseMin();

    @WithDefault("2s")
    Duration typingPauseMax();

    /** Replies per rolling minute by tier, when not the tier's default of DESIGN §4. */
    Map<Tier, Integer> quotaPerMinute();

    /** Access token for the send API until per-account tokens are stored. Never logged. */
    @WithDefault("sim-token")
    String accessToken();

    /** How long a send decision is remembered against redelivery: longer than any consumer outage. */
    @WithDefault("48h")
    Duration sendLedgerTtl();

    default int quota(Tier tier) {
        return Optional.ofNullable(quotaPerMinute().get(tier)).orElse(tier.repliesPerMinute());
    }
}
