package io.dmpilot.contracts.serde;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for BI consumers and tests, one subclass per record type. dmpilot's own
 * services read values as strings and parse with {@link EventJson} inside the handler, so a malformed
 * record fails the handler and lands on the dead-letter topic with its original bytes.
 */
public class JsonEventDeserializer<T> implements Deserializer<T> {
    private final Class<T> type;

    protected JsonEventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.read(new String(data, StandardCharsets.UTF_8), type);
        } catch (MalformedEventException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
