package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.Handoff;

public class HandoffDeserializer extends JsonEventDeserializer<Handoff> {
    public HandoffDeserializer() {
        super(Handoff.class);
    }
}
