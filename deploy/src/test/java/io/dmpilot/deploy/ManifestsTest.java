package io.dmpilot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dmpilot.contracts.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders every overlay and cross-checks it against the Kubernetes model and against the code. */
class ManifestsTest {
    private static final Set<String> CUSTOM_KINDS =
            Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "ScaledObject");

    static java.util.stream.Stream<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyBuiltInObjectMatchesTheKubernetesModel(String name) {
        Overlay overlay = Overlay.render(name);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : overlay.objects()) {
            if (!CUSTOM_KINDS.contains(object.path("kind").asText())) {
                problems.addAll(ModelConformance.unknownFields(object));
            }
        }
        assertTrue(problems.isEmpty(), () -> name + ": " + problems);
        assertFalse(overlay.ofKind("Deployment").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyStrimziObjectMatchesStrimzisModel(String name) {
        Overlay overlay = Overlay.render(name);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode object : overlay.objects()) {
            if (ModelConformance.isStrimzi(object)) {
                problems.addAll(ModelConformance.unknownStrimziFields(object));
                checked++;
            }
        }
        assertTrue(problems.isEmpty(), () -> name + ": " + problems);
        assertTrue(checked >= 4, "Kafka, a node pool, topics and users are rendered");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyKedaObjectMatchesKedasSchema(String name) {
        Overlay overlay = Overlay.render(name);
        List<JsonNode> scaled = overlay.ofKind("ScaledObject");
        assertFalse(scaled.isEmpty());
        List<String> problems = KedaSchema.problems(scaled);
        assertTrue(problems.isEmpty(), () -> name + ": " + problems);
    }

    @Test
    void aScaledObjectOfTheWrongShapeIsCaught() throws Exception {
        JsonNode wrong = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"apiVersion\":\"keda.sh/v1alpha1\",\"kind\":\"ScaledObject\","
                        + "\"metadata\":{\"name\":\"s\"},\"spec\":{\"scaleTargetRef\":{\"name\":\"d\"},"
                        + "\"maxReplicaCount\":\"six\",\"triggers\":[{\"metadata\":{\"topic\":\"t\"}}]}}");
        List<String> problems = KedaSchema.problems(List.of(wrong));
        assertEquals(1, problems.size(), () -> problems.toString());
        assertTrue(problems.get(0).contains("maxReplicaCount must be integer"), problems.get(0));
        assertTrue(problems.get(0).contains("must have required property type"), problems.get(0));
    }

    @Test
    void aMisspeltStrimziFieldIsCaught() throws Exception {
        JsonNode topic = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"apiVersion\":\"kafka.strimzi.io/v1beta2\",\"kind\":\"KafkaTopic\","
                        + "\"metadata\":{\"name\":\"t\"},\"spec\":{\"partitons\":6,\"replicas\":3}}");
        assertEquals(List.of("KafkaTopic t.spec: unknown [partitons]"), ModelConformance.unknownStrimziFields(topic));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void customResourcesHaveTheFieldsTheirOperatorsRequire(String name) {
        Overlay overlay = Overlay.render(name);
        for (JsonNode object : overlay.objects()) {
            String kind = object.path("kind").asText();
            String api = object.path("apiVersion").asText();
            switch (kind) {
                case "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser" -> {
                    assertEquals("kafka.strimzi.io/v1beta2", api, kind);
                    if (!kind.equals("Kafka")) {
                        assertEquals(
                                "dmpilot",
                                object.at("/metadata/labels/strimzi.io~1cluster")
                                        .asText(),
                                kind);
                    }
                }
                case "ScaledObject" -> assertEquals("keda.sh/v1alpha1", api);
                default -> {}
            }
        }
        for (JsonNode topic : overlay.ofKind("KafkaTopic")) {
            assertTrue(topic.at("/spec/partitions").isInt(), "partitions of " + topic.at("/spec/topicName"));
            assertTrue(topic.at("/spec/replicas").asInt() <= replicasOfKafka(overlay), "replicas ≤ brokers");
            assertTrue(
                    topic.at("/spec/config/min.insync.replicas").asInt()
                            <= topic.at("/spec/replicas").asInt(),
                    "min ISR ≤ replicas for " + topic.at("/spec/topicName"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheCodeUsesHasAKafkaTopic(String name) {
        Overlay overlay = Overlay.render(name);
        Set<String> declared = overlay.ofKind("KafkaTopic").stream()
                .map(t -> t.at("/spec/topicName").asText())
                .collect(Collectors.toSet());
        Set<String> used = new TreeSet<>(Topics.ALL);
        ServiceConfig.MODULES.forEach(m -> used.addAll(ServiceConfig.load(m).deadLetterTopics()));
        used.removeAll(declared);
        assertTrue(used.isEmpty(), () -> name + " lacks KafkaTopics for " + used);
        JsonNode config = overlay.ofKind("KafkaTopic").stream()
                .filter(t -> t.at("/spec/topicName").asText().equals(Topics.CONFIG_CHANGES))
                .findFirst()
                .orElseThrow();
        assertEquals("compact", config.at("/spec/config/cleanup.policy").asText());
    }

    /**
     * Each service's KafkaUser may read what its configuration consumes and write what it produces and
     * dead-letters: a missing ACL is a consumer or producer that fails only in a cluster with authorization on.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceMayReadWhatItConsumesAndWriteWhatItProduces(String name) {
        Overlay overlay = Overlay.render(name);
        List<String> missing = new ArrayList<>();
        for (String module : ServiceConfig.MODULES) {
            ServiceConfig config = ServiceConfig.load(module);
            JsonNode user = overlay.ofKind("KafkaUser").stream()
                    .filter(u -> u.at("/metadata/name").asText().equals(module))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no KafkaUser " + module));
            Set<String> writes = new TreeSet<>(config.topics("outgoing"));
            writes.addAll(config.deadLetterTopics());
            config.topics("incoming").stream()
                    .filter(topic -> !allowed(user, topic, "Read"))
                    .forEach(topic -> missing.add(module + " cannot Read " + topic));
            writes.stream()
                    .filter(topic -> !allowed(user, topic, "Write"))
                    .forEach(topic -> missing.add(module + " cannot Write " + topic));
        }
        assertTrue(missing.isEmpty(), () -> name + ": " + missing);
    }

    private static boolean allowed(JsonNode user, String topic, String operation) {
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            boolean prefix = "prefix".equals(resource.path("patternType").asText());
            String named = resource.path("name").asText();
            boolean matches = "topic".equals(resource.path("type").asText())
                    && (prefix ? topic.startsWith(named) : topic.equals(named));
            if (matches) {
                for (JsonNode op : acl.path("operations")) {
                    if (op.asText().equals(operation) || op.asText().equals("All")) return true;
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsOnItsPortWithHealthProbesAsNonRoot(String name) {
        Overlay overlay = Overlay.render(name);
        for (String module : ServiceConfig.MODULES) {
            JsonNode container = overlay.named("Deployment", module).at("/spec/template/spec/containers/0");
            int port = ServiceConfig.load(module).httpPort();
            assertEquals(port, container.at("/ports/0/containerPort").asInt(), module + " port");
            assertEquals(
                    port,
                    overlay.named("Service", module).at("/spec/ports/0/port").asInt(),
                    module);
            assertEquals(
                    "/q/health/started",
                    container.at("/startupProbe/httpGet/path").asText(),
                    module);
            assertEquals(
                    "/q/health/live",
                    container.at("/livenessProbe/httpGet/path").asText(),
                    module);
            assertEquals(
                    "/q/health/ready",
                    container.at("/readinessProbe/httpGet/path").asText(),
                    module);
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), module);
            assertTrue(
                    overlay.named("Deployment", module)
                            .at("/spec/template/spec/securityContext/runAsNonRoot")
                            .asBoolean(),
                    module);
            assertFalse(container.at("/resources/limits/memory").isMissingNode(), module + " memory limit");
            overlay.named("PodDisruptionBudget", module);
        }
    }

    /** A log pipeline indexes fields, not free text: in a cluster every service writes JSON lines. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceLogsJsonInACluster(String name) {
        Overlay overlay = Overlay.render(name);
        for (String module : ServiceConfig.MODULES) {
            List<String> values = new ArrayList<>();
            overlay.named("Deployment", module)
                    .at("/spec/template/spec/containers/0/env")
                    .forEach(e -> {
                        if (e.path("name").asText().equals("LOG_JSON"))
                            values.add(e.path("value").asText());
                    });
            assertEquals(List.of("true"), values, name + ": " + module);
        }
    }

    /** Localhost defaults are wrong in a cluster, and secrets must come from a Secret. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyAddressAndSecretAServiceReadsIsSetInItsDeployment(String name) {
        Overlay overlay = Overlay.render(name);
        Map<String, String> configMap = new HashMap<>();
        overlay.named("ConfigMap", "dmpilot-endpoints")
                .path("data")
                .fields()
                .forEachRemaining(e -> configMap.put(e.getKey(), e.getValue().asText()));
        List<String> missing = new ArrayList<>();
        for (String module : ServiceConfig.MODULES) {
            Map<String, JsonNode> env = new HashMap<>();
            overlay.named("Deployment", module)
                    .at("/spec/template/spec/containers/0/env")
                    .forEach(e -> env.put(e.path("name").asText(), e));
            ServiceConfig.load(module).environment().forEach((variable, fallback) -> {
                boolean local = fallback.contains("127.0.0.1") || fallback.contains("localhost");
                boolean secret = variable.matches(".*(SECRET|PASSWORD|TOKEN|API_KEY|BOOTSTRAP_KEY|SERVICE_KEY).*");
                JsonNode set = env.get(variable);
                if ((local || secret) && set == null) {
                    missing.add(module + " reads " + variable + " but its Deployment does not set it");
                } else if (secret && set.at("/valueFrom/secretKeyRef").isMissingNode()) {
                    missing.add(module + ": " + variable + " must come from a Secret");
                } else if (set != null
                        && !set.at("/valueFrom/configMapKeyRef").isMissingNode()
                        && !configMap.containsKey(
                                set.at("/valueFrom/configMapKeyRef/key").asText())) {
                    missing.add(module + ": " + variable + " refers to a key the ConfigMap lacks");
                }
            });
        }
        assertTrue(missing.isEmpty(), () -> name + ": " + missing);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalersWatchRealConsumerGroupsAndNeverOutnumberPartitions(String name) {
        Overlay overlay = Overlay.render(name);
        for (JsonNode scaled : overlay.ofKind("ScaledObject")) {
            String module = scaled.at("/spec/scaleTargetRef/name").asText();
            overlay.named("Deployment", module);
            JsonNode trigger = scaled.at("/spec/triggers/0/metadata");
            String topic = trigger.path("topic").asText();
            assertEquals(
                    ServiceConfig.load(module).groupsByTopic().get(topic),
                    trigger.path("consumerGroup").asText(),
                    module + " consumer group on " + topic);
            int partitions = overlay.ofKind("KafkaTopic").stream()
                    .filter(t -> t.at("/spec/topicName").asText().equals(topic))
                    .findFirst()
                    .orElseThrow()
                    .at("/spec/partitions")
                    .asInt();
            assertTrue(scaled.at("/spec/maxReplicaCount").asInt() <= partitions, module + " max replicas");
        }
    }

    private static int replicasOfKafka(Overlay overlay) {
        return overlay.ofKind("KafkaNodePool").stream()
                .mapToInt(p -> p.at("/spec/replicas").asInt())
                .sum();
    }
}
