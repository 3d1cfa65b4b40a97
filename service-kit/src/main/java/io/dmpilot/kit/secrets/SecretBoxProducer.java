package io.dmpilot.kit.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One {@link SecretBox} per service, built when first injected: a missing or malformed key fails right there. */
@ApplicationScoped
public class SecretBoxProducer {
    @Produces
    @Singleton
    SecretBox secretBox(SecretsConfig config) {
        return SecretBox.of(config.key(), config.oldKeys().orElse(java.util.List.of()));
    }
}
