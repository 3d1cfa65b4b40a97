package io.dmpilot.sim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "douyin-sim")
public interface SimConfig {
    /** The app the simulated platform signs for; ingest-service must know its secret. */
    @WithDefault("sim-app")
    String clientKey();

    @WithDefault("sim-secret")
    String clientSecret();

    /** Where the platform delivers webhooks: ingest-service. */
    @WithDefault("http://127.0.0.1:8081/webhook/douyin")
    String webhookUrl();

    /** The access token the send API accepts. */
    @WithDefault("sim-token")
    String accessToken();

    /** The platform waits this long for an answer, then retries (DESIGN §10). */
    @WithDefault("5s")
    Duration webhookTimeout();

    @WithDefault("3")
    int webhookRetries();

    /** Webhooks on the wire at once; more wait their turn (see {@link InFlightLimit}). */
    @WithDefault("256")
    int webhookMaxInFlight();

    /**
     * The first retry waits this long, each next one twice as long: 5 s, 10 s, 20 s by default, so the last
     * retry comes 35 s after the first failure and a restarted ingest (back in ~17 s here) still receives it.
     */
    @WithDefault("5s")
    Duration webhookRetryBackoff();

    /** Echo each accepted send back as {@code im_send_msg}, as the platform does. */
    @WithDefault("true")
    boolean echoSends();

    /** Where load runs create their accounts: rules-service. */
    @WithDefault("http://127.0.0.1:8082")
    String rulesUrl();

    /**
     * The operator API key load runs create accounts with (an admin of the run's agency or the superadmin);
     * {@code DMPILOT_BOOTSTRAP_KEY}, by default the local runs' key (docs/SECURITY.md).
     */
    String operatorKey();

    /** Load runs read terminal outcomes from here to check that nothing was lost. */
    @WithDefault("127.0.0.1:9092")
    String kafkaBootstrapServers();

    /** The platform's consumer groups begin with this and a dash; load runs report their lag. */
    @WithDefault("dmpilot")
    String platformGroupPrefix();
}
