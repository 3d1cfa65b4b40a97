package io.dmpilot.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "dmpilot.ingest")
public interface IngestConfig {
    /** Douyin apps this deployment serves, by client_key. An agency may run several. */
    Map<String, App> apps();

    /** Longer than the platform's retry horizon (5 s × 3 retries) by a wide margin. */
    @WithDefault("24h")
    Duration dedupeTtl();

    interface App {
        /** client_secret: signs webhooks. Never logged. */
        String secret();
    }

    default Optional<String> secretFor(String clientKey) {
        return Optional.ofNullable(apps().get(clientKey)).map(App::secret);
    }
}
