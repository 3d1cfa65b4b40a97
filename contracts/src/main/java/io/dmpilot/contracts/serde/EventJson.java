package io.dmpilot.contracts.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of every event. Unknown fields are ignored so that adding a field to a record is a
 * compatible change for consumers that have not been redeployed yet.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty " + type.getSimpleName() + " record", null);
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private EventJson() {}
}
