package io.dmpilot.contracts.serde;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every contract record. */
public class JsonEventSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object event) {
        return event == null ? null : EventJson.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
