package io.dmpilot.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "dmpilot.ingest")
public interface IngestConfig {
    /** Douyin apps this deployment serves, by client_key. An agency may run several. */
    Map<String, App> apps();

    /** Longer than the platform's retry horizon (5 s × 3 retries) by a wide margin. */
    @WithDefault("24h")
    Duration dedupeTtl();

    /**
     * How long a delivery holds its message id while Kafka stores it. Longer than a publication can take (the
     * producer gives up after {@code delivery.timeout.ms}, 10 s), shorter than the platform's retry horizon
     * (~50 s): a claim left by a process that died mid-publication expires before the platform's last retry.
     */
    @WithDefault("20s")
    Duration claimTtl();

    /**
     * Publish only messages to accounts rules-service knows; the others are acknowledged and dead-lettered.
     * Off: every account is served (benchmarks, single-tenant runs).
     */
    @WithDefault("true")
    boolean accountRouting();

    /** Keys the shop/CRM present in X-Api-Key on POST /conversions. None configured: every call is refused. */
    Optional<List<String>> conversionKeys();

    interface App {
        /** client_secret: signs webhooks. Never logged. */
        String secret();
    }

    default Optional<String> secretFor(String clientKey) {
        return Optional.ofNullable(apps().get(clientKey)).map(App::secret);
    }
}
