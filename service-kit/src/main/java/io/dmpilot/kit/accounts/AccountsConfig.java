package io.dmpilot.kit.accounts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The account directory (open id → agency) a service keeps from rules-service and config.changes.v1. */
@ConfigMapping(prefix = "dmpilot.accounts")
public interface AccountsConfig {
    /**
     * Build time: the service loads the directory at start and follows config.changes.v1 on the channel
     * {@link AccountChangeConsumer#CHANNEL}. Off (rules-service itself, douyin-sim): neither bean exists.
     */
    @WithDefault("false")
    boolean directory();

    /** Accounts per page of the start-up load. */
    @WithDefault("200")
    int pageSize();

    /** Longest wait for rules-service per call. */
    @WithDefault("2s")
    Duration timeout();

    /** How long "rules-service says this account does not exist" is believed without asking again. */
    @WithDefault("10s")
    Duration negativeTtl();
}
