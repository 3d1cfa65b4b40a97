package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.OutcomeSnapshot;

public class OutcomeSnapshotDeserializer extends JsonEventDeserializer<OutcomeSnapshot> {
    public OutcomeSnapshotDeserializer() {
        super(OutcomeSnapshot.class);
    }
}
