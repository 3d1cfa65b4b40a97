package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.Conversion;

public class ConversionDeserializer extends JsonEventDeserializer<Conversion> {
    public ConversionDeserializer() {
        super(Conversion.class);
    }
}
