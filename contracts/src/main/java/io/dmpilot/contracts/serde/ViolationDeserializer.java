package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.Violation;

public class ViolationDeserializer extends JsonEventDeserializer<Violation> {
    public ViolationDeserializer() {
        super(Violation.class);
    }
}
