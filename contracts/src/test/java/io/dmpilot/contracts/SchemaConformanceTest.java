package io.dmpilot.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import io.dmpilot.contracts.SampleEvents.Sample;
import io.dmpilot.contracts.serde.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas under {@code schemas/} describe exactly what the records serialize to. */
class SchemaConformanceTest {
    private static final String BASE_IRI = "https://dmpilot.io/schemas/";
    private static final List<String> SCHEMA_TOPICS = Topics.ALL;
    /** $id IRIs are mapped to the classpath: no network is needed to resolve the cross-file $refs. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            VersionFlag.V202012, builder -> builder.schemaMappers(m -> m.mapPrefix(BASE_IRI, "classpath:schemas/")));

    static List<Sample> samples() {
        return SampleEvents.all();
    }

    static List<String> schemaTopics() {
        return SCHEMA_TOPICS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleEventConformsToItsTopicSchema(Sample sample) {
        JsonNode json = toJson(sample.event());

        assertEquals(Set.of(), schemaOf(sample.topic()).validate(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySerializedFieldIsDescribedInTheSchema(Sample sample) {
        JsonNode properties = rawSchema(sample.topic()).get("properties");

        toJson(sample.event())
                .fieldNames()
                .forEachRemaining(field ->
                        assertTrue(properties.has(field), sample.topic() + " schema does not describe " + field));
    }

    static Stream<Arguments> brokenRecords() {
        return Stream.of(
                broken(
                        "inbound without conversationId",
                        Topics.INBOUND,
                        SampleEvents.userMessage(),
                        n -> n.remove("conversationId"),
                        "required"),
                broken(
                        "inbound kind FOLLOW",
                        Topics.INBOUND,
                        SampleEvents.userMessage(),
                        n -> n.put("kind", "FOLLOW"),
                        "enum"),
                broken(
                        "inbound createdAt as a string",
                        Topics.INBOUND,
                        SampleEvents.userMessage(),
                        n -> n.put("createdAt", "1727426399943"),
                        "type"),
                broken(
                        "inbound text as a number",
                        Topics.INBOUND,
                        SampleEvents.userMessage(),
                        n -> n.put("text", 42),
                        "type"),
                broken(
                        "inbound context value that is not a string",
                        Topics.INBOUND,
                        SampleEvents.chatOpened(),
                        n -> ((ObjectNode) n.get("context")).put("item_id", 7417002345678901234L),
                        "type"),
                broken(
                        "candidate whose embedded inbound lacks eventId",
                        Topics.REPLY_CANDIDATES,
                        SampleEvents.candidate(),
                        n -> ((ObjectNode) n.get("inbound")).remove("eventId"),
                        "required"),
                broken(
                        "matched candidate without text",
                        Topics.REPLY_CANDIDATES,
                        SampleEvents.candidate(),
                        n -> n.putNull("text"),
                        "type"),
                broken(
                        "candidate tier PREMIUM",
                        Topics.REPLY_CANDIDATES,
                        SampleEvents.candidate(),
                        n -> n.put("tier", "PREMIUM"),
                        "enum"),
                broken(
                        "candidate score above 1",
                        Topics.REPLY_CANDIDATES,
                        SampleEvents.candidate(),
                        n -> n.put("score", 1.5),
                        "maximum"),
                broken(
                        "vetted verdict in lower case",
                        Topics.REPLY_VETTED,
                        SampleEvents.rewrittenReply(),
                        n -> n.put("verdict", "rewritten"),
                        "enum"),
                broken(
                        "vetted finding of unknown category",
                        Topics.REPLY_VETTED,
                        SampleEvents.rewrittenReply(),
                        n -> ((ObjectNode) n.get("findings").get(0)).put("category", "PROFANITY"),
                        "enum"),
                broken(
                        "vetted candidate whose inbound kind is unknown",
                        Topics.REPLY_VETTED,
                        SampleEvents.rewrittenReply(),
                        n -> ((ObjectNode) n.at("/candidate/inbound")).put("kind", "FOLLOW"),
                        "enum"),
                broken(
                        "outcome null",
                        Topics.DISPATCH_OUTCOMES,
                        SampleEvents.sentOutcome(),
                        n -> n.putNull("outcome"),
                        "type"),
                broken(
                        "outcome tier unknown",
                        Topics.DISPATCH_OUTCOMES,
                        SampleEvents.sentOutcome(),
                        n -> n.put("tier", "GOLD"),
                        "enum"),
                broken(
                        "outcome decidedAt negative",
                        Topics.DISPATCH_OUTCOMES,
                        SampleEvents.sentOutcome(),
                        n -> n.put("decidedAt", -1),
                        "minimum"),
                broken(
                        "outcome admittedAt negative",
                        Topics.DISPATCH_OUTCOMES,
                        SampleEvents.sentOutcome(),
                        n -> n.put("admittedAt", -1),
                        "minimum"),
                broken(
                        "hand-off without reason",
                        Topics.HANDOFFS,
                        SampleEvents.handoff(),
                        n -> n.remove("reason"),
                        "required"),
                broken(
                        "conversion value with a fraction",
                        Topics.CONVERSIONS,
                        SampleEvents.order(),
                        n -> n.put("valueCents", 199.5),
                        "type"),
                broken(
                        "violation finding without start",
                        Topics.VIOLATIONS,
                        SampleEvents.violation(),
                        n -> ((ObjectNode) n.get("findings").get(0)).remove("start"),
                        "required"),
                broken(
                        "violation verdict unknown",
                        Topics.VIOLATIONS,
                        SampleEvents.violation(),
                        n -> n.put("verdict", "WARNED"),
                        "enum"),
                broken(
                        "config change action RENAME",
                        Topics.CONFIG_CHANGES,
                        SampleEvents.ruleUpsert(),
                        n -> n.put("action", "RENAME"),
                        "enum"),
                broken(
                        "audit record without entry id",
                        Topics.AUDIT_CHANGES,
                        SampleEvents.termUpdated(),
                        n -> n.remove("entryId"),
                        "required"),
                broken(
                        "audit record whose before is text",
                        Topics.AUDIT_CHANGES,
                        SampleEvents.termUpdated(),
                        n -> n.put("before", "{\"term\":\"最便宜\"}"),
                        "type"),
                broken(
                        "audit record with an entity name longer than the log keeps",
                        Topics.AUDIT_CHANGES,
                        SampleEvents.termUpdated(),
                        n -> n.put("entity", "x".repeat(33)),
                        "maxLength"),
                broken(
                        "config change without version",
                        Topics.CONFIG_CHANGES,
                        SampleEvents.ruleUpsert(),
                        n -> n.remove("version"),
                        "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRecords")
    void recordThatBreaksTheContractFailsValidation(String name, String topic, JsonNode json, String keyword) {
        Set<ValidationMessage> messages = schemaOf(topic).validate(json);

        assertFalse(messages.isEmpty(), name + " passed validation");
        assertTrue(
                messages.stream().anyMatch(m -> m.getType().equals(keyword)),
                name + " failed for another reason than " + keyword + ": " + messages);
    }

    @Test
    void thereIsExactlyOneSchemaPerPublishedTopic() throws Exception {
        Path folder =
                Path.of(SchemaConformanceTest.class.getResource("/schemas").toURI());
        Set<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }

        Set<String> expected =
                SCHEMA_TOPICS.stream().map(t -> t + ".schema.json").collect(Collectors.toSet());
        assertEquals(10, expected.size());
        assertEquals(expected, files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaTopics")
    void schemaIsAValidDraft202012SchemaWithIdTitleAndDescription(String topic) {
        JsonNode schema = rawSchema(topic);
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

        assertEquals(Set.of(), metaSchema.validate(schema));
        assertEquals(SchemaId.V202012, schema.path("$schema").asText());
        assertEquals(BASE_IRI + topic + ".schema.json", schema.path("$id").asText());
        assertTrue(schema.path("title").asText().contains(topic));
        assertTrue(schema.path("description").asText().contains("epoch milliseconds"));
        assertTrue(schema.path("additionalProperties").asBoolean(false), "adding a field must stay compatible");
        schemaOf(topic); // compiles and resolves every $ref, fails if one is dangling
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaTopics")
    void everyPropertyIsTypedAndDescribedAndEveryRequiredFieldExists(String topic) {
        JsonNode schema = rawSchema(topic);
        List<JsonNode> objects = new ArrayList<>(List.of(schema));
        schema.path("$defs").forEach(def -> {
            if (def.has("properties")) objects.add(def);
        });

        for (JsonNode object : objects) {
            object.get("properties").fields().forEachRemaining(p -> {
                JsonNode property = p.getValue();
                assertFalse(property.path("description").asText().isBlank(), topic + ": " + p.getKey());
                assertTrue(
                        property.has("type") || property.has("$ref") || property.has("anyOf"),
                        topic + ": " + p.getKey() + " has no type");
            });
            object.path("required")
                    .forEach(r -> assertTrue(
                            object.get("properties").has(r.asText()),
                            topic + ": required " + r + " is not a property"));
        }
    }

    static Stream<Arguments> recordsBySchema() {
        return Stream.of(
                Arguments.of(Topics.INBOUND, "", InboundEvent.class),
                Arguments.of(Topics.REPLY_CANDIDATES, "", ReplyCandidate.class),
                Arguments.of(Topics.REPLY_VETTED, "", VettedReply.class),
                Arguments.of(Topics.REPLY_VETTED, "/$defs/Finding", Finding.class),
                Arguments.of(Topics.DISPATCH_OUTCOMES, "", DispatchOutcome.class),
                Arguments.of(Topics.HANDOFFS, "", Handoff.class),
                Arguments.of(Topics.CONVERSIONS, "", Conversion.class),
                Arguments.of(Topics.VIOLATIONS, "", Violation.class),
                Arguments.of(Topics.CONFIG_CHANGES, "", ConfigChange.class),
                Arguments.of(Topics.ANALYTICS_OUTCOMES, "", OutcomeSnapshot.class),
                Arguments.of(Topics.AUDIT_CHANGES, "", AuditRecord.class));
    }

    @ParameterizedTest(name = "{0}{1} = {2}")
    @MethodSource("recordsBySchema")
    void schemaDescribesExactlyTheRecordComponents(String topic, String pointer, Class<? extends Record> type) {
        Set<String> components = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        Set<String> properties = new HashSet<>();
        rawSchema(topic).at(pointer).get("properties").fieldNames().forEachRemaining(properties::add);

        assertEquals(components, properties);
    }

    static Stream<Arguments> enumsBySchema() {
        return Stream.of(
                Arguments.of(Topics.INBOUND, "/properties/kind", InboundKind.class),
                Arguments.of(Topics.REPLY_CANDIDATES, "/$defs/Tier", Tier.class),
                Arguments.of(Topics.REPLY_CANDIDATES, "/$defs/Scenario", Scenario.class),
                Arguments.of(Topics.REPLY_VETTED, "/$defs/Verdict", Verdict.class),
                Arguments.of(Topics.REPLY_VETTED, "/$defs/Finding/properties/category", LexiconCategory.class),
                Arguments.of(Topics.DISPATCH_OUTCOMES, "/properties/outcome", Outcome.class),
                Arguments.of(Topics.HANDOFFS, "/properties/reason", HandoffReason.class),
                Arguments.of(Topics.CONVERSIONS, "/properties/kind", ConversionKind.class),
                Arguments.of(Topics.CONFIG_CHANGES, "/properties/action", ConfigChange.Action.class));
    }

    @ParameterizedTest(name = "{0}{1} = {2}")
    @MethodSource("enumsBySchema")
    void schemaEnumListsExactlyTheJavaConstants(String topic, String pointer, Class<? extends Enum<?>> type) {
        List<String> constants =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        List<String> listed = new ArrayList<>();
        rawSchema(topic).at(JsonPointer.compile(pointer + "/enum")).forEach(v -> listed.add(v.asText()));

        assertEquals(constants, listed);
    }

    private static Arguments broken(
            String name, String topic, Object event, Consumer<ObjectNode> breakIt, String keyword) {
        ObjectNode json = (ObjectNode) toJson(event);
        breakIt.accept(json);
        return Arguments.of(name, topic, json, keyword);
    }

    private static JsonSchema schemaOf(String topic) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE_IRI + topic + ".schema.json"));
        schema.initializeValidators();
        return schema;
    }

    private static JsonNode rawSchema(String topic) {
        try (InputStream in = SchemaConformanceTest.class.getResourceAsStream("/schemas/" + topic + ".schema.json")) {
            assertNotNull(in, "no schema for " + topic);
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parsed from the very text EventJson writes, not from an in-memory tree. */
    private static JsonNode toJson(Object event) {
        try {
            return EventJson.mapper().readTree(EventJson.write(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
