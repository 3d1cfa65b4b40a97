package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.DispatchOutcome;

public class DispatchOutcomeDeserializer extends JsonEventDeserializer<DispatchOutcome> {
    public DispatchOutcomeDeserializer() {
        super(DispatchOutcome.class);
    }
}
