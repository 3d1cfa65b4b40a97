package io.dmpilot.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the sentence model preloads (a few seconds), so a rolling update keeps the old replica until
 * the new one can answer CUSTOM messages at full speed. A model that failed to load does not hold the replica
 * back: CUSTOM accounts then answer with keyword rules, and the state says so.
 */
@Readiness
@ApplicationScoped
public class SentenceModelReadiness implements HealthCheck {
    private final SentenceEmbedder embedder;

    public SentenceModelReadiness(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public HealthCheckResponse call() {
        String state = embedder.state();
        return HealthCheckResponse.named("sentence-model")
                .status(!"loading".equals(state))
                .withData("state", state)
                .build();
    }
}
