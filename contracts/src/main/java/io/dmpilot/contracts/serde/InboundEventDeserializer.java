package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.InboundEvent;

public class InboundEventDeserializer extends JsonEventDeserializer<InboundEvent> {
    public InboundEventDeserializer() {
        super(InboundEvent.class);
    }
}
