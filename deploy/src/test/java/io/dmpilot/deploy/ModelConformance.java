package io.dmpilot.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a built-in Kubernetes object against the Kubernetes API model (fabric8's, generated from the
 * API's OpenAPI schema), and a Strimzi custom resource against Strimzi's own typed model (its {@code api}
 * artifact, from which Strimzi generates its CRD schemas): it must deserialize into its typed class, and
 * nothing may be left over in an {@code additionalProperties} bag, which is where a misspelt field
 * ({@code readinesProbe}, {@code partitons}) would land.
 */
final class ModelConformance {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);
    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model", "io.strimzi.api");

    static boolean isStrimzi(JsonNode object) {
        return STRIMZI.containsKey(object.path("kind").asText());
    }

    static List<String> unknownStrimziFields(JsonNode object) {
        String kind = object.path("kind").asText();
        Object typed;
        try {
            typed = JSON.treeToValue(object, STRIMZI.get(kind));
        } catch (JsonProcessingException e) {
            return List.of(kind + " " + object.at("/metadata/name").asText() + ": " + e.getOriginalMessage());
        }
        List<String> unknown = new ArrayList<>();
        walk(typed, kind + " " + object.at("/metadata/name").asText(), unknown, new IdentityHashMap<>());
        return unknown;
    }

    static List<String> unknownFields(JsonNode object) {
        Object typed = SERIALIZATION.unmarshal(object.toString());
        if (!(typed instanceof HasMetadata) || typed.getClass().getName().contains("Generic")) {
            return List.of(
                    "not a built-in Kubernetes kind: " + object.path("kind").asText());
        }
        List<String> unknown = new ArrayList<>();
        walk(typed, object.path("kind").asText(), unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) return;
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) walk(item, path + "[" + i++ + "]", unknown, seen);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        String type = value.getClass().getName();
        if (MODEL_PACKAGES.stream().noneMatch(type::startsWith) || value instanceof Enum<?>) return;
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())) continue;
            String name = getter.getName();
            if (!name.startsWith("get") || name.equals("getClass")) continue;
            Object child = invoke(getter, value);
            if (name.equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": unknown " + extra.keySet());
                }
                continue;
            }
            walk(child, path + "." + decapitalize(name.substring(3)), unknown, seen);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private ModelConformance() {}
}
