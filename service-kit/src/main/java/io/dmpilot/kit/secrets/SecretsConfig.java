package io.dmpilot.kit.secrets;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The keys of {@link SecretBox}. Read by the services that store secrets (dispatch: the accounts' platform
 * tokens), each mapping {@code dmpilot.secrets.key=${DMPILOT_SECRETS_KEY:}} in its own configuration; a service
 * that never asks for a {@link SecretBox} needs no key.
 */
@ConfigMapping(prefix = "dmpilot.secrets")
public interface SecretsConfig {
    String KEY_VARIABLE = "DMPILOT_SECRETS_KEY (dmpilot.secrets.key)";
    String OLD_KEYS_VARIABLE = "DMPILOT_SECRETS_OLD_KEYS (dmpilot.secrets.old-keys)";

    /** The current key, base64 of 32 bytes: seals new values and opens them. From a Kubernetes Secret. */
    Optional<String> key();

    /** Keys that sealed values before the current one, comma-separated: they only open. Drop one once nothing it sealed is left. */
    Optional<List<String>> oldKeys();
}
