package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.ConfigChange;

public class ConfigChangeDeserializer extends JsonEventDeserializer<ConfigChange> {
    public ConfigChangeDeserializer() {
        super(ConfigChange.class);
    }
}
