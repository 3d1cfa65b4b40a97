package io.dmpilot.contracts.serde;

import io.dmpilot.contracts.VettedReply;

public class VettedReplyDeserializer extends JsonEventDeserializer<VettedReply> {
    public VettedReplyDeserializer() {
        super(VettedReply.class);
    }
}
