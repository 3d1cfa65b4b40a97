package io.dmpilot.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dmpilot.rules")
public interface RulesConfig {
    /** Seed §6: a reply must leave within 90 s of the message or it is EXPIRED. */
    @WithDefault("90s")
    Duration replyDeadline();

    /** Creates the demo account douyin-sim talks to, so the platform answers out of the box. */
    @WithDefault("true")
    boolean seedDemoAccount();

    /** How long a user stays known to an account: after that, a message is a new follower's first again. */
    @WithDefault("365d")
    Duration followerMemory();

    /**
     * Automatic replies in a row are forgotten after this quiet time (the reply window of DESIGN §10), as
     * when a person answers.
     */
    @WithDefault("24h")
    Duration autoReplyStreakTimeout();
}
