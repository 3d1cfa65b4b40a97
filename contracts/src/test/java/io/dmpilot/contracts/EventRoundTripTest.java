package io.dmpilot.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmpilot.contracts.SampleEvents.Sample;
import io.dmpilot.contracts.serde.AuditRecordDeserializer;
import io.dmpilot.contracts.serde.ConfigChangeDeserializer;
import io.dmpilot.contracts.serde.ConversionDeserializer;
import io.dmpilot.contracts.serde.DispatchOutcomeDeserializer;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.contracts.serde.HandoffDeserializer;
import io.dmpilot.contracts.serde.InboundEventDeserializer;
import io.dmpilot.contracts.serde.JsonEventSerializer;
import io.dmpilot.contracts.serde.MalformedEventException;
import io.dmpilot.contracts.serde.OutcomeSnapshotDeserializer;
import io.dmpilot.contracts.serde.ReplyCandidateDeserializer;
import io.dmpilot.contracts.serde.VettedReplyDeserializer;
import io.dmpilot.contracts.serde.ViolationDeserializer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventRoundTripTest {

    static List<Sample> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eventJsonReadsBackWhatItWrote(Sample sample) {
        String json = EventJson.write(sample.event());

        assertEquals(sample.event(), EventJson.read(json, sample.event().getClass()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void topicDeserializerReadsWhatTheSerializerWrote(Sample sample) {
        byte[] bytes = new JsonEventSerializer().serialize(sample.topic(), sample.event());

        assertEquals(sample.event(), deserializerOf(sample.topic()).deserialize(sample.topic(), bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void unknownFieldsAddedByANewerProducerAreIgnored(Sample sample) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(sample.event()));
        json.put("addedInALaterRelease", "新字段");
        json.putObject("anotherNewObject").put("nested", 1);

        assertEquals(
                sample.event(), EventJson.read(json.toString(), sample.event().getClass()));
    }

    @Test
    void unknownFieldsInsideAnEmbeddedEventAreIgnored() throws Exception {
        ReplyCandidate candidate = SampleEvents.candidate();
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(candidate));
        ((ObjectNode) json.get("inbound")).put("senderAvatar", "https://p3.douyinpic.com/avatar.jpeg");

        assertEquals(candidate, EventJson.read(json.toString(), ReplyCandidate.class));
    }

    /** admittedAt was added within v1: an outcome written before it (a replayed topic) still reads, as 0. */
    @Test
    void anOutcomeWrittenBeforeAdmittedAtExistedReadsAsNeverAdmitted() throws Exception {
        DispatchOutcome sent = SampleEvents.sentOutcome();
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(sent));
        json.remove("admittedAt");

        DispatchOutcome read = EventJson.read(json.toString(), DispatchOutcome.class);

        assertEquals(0, read.admittedAt());
        assertEquals(sent.decidedAt(), read.decidedAt());
    }

    @Test
    void chineseTextIsWrittenAsPlainUtf8() {
        byte[] bytes = new JsonEventSerializer().serialize(Topics.INBOUND, SampleEvents.userMessage());

        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"text\":\"这个多少钱\""));
    }

    @Test
    void derivedAccessorsAreNotWrittenAsFields() {
        assertFalse(EventJson.write(SampleEvents.candidate()).contains("\"matched\""));
        assertFalse(EventJson.write(SampleEvents.ruleUpsert()).contains("recordKey"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"eventId\":", "[1,2,3]", "not json at all", "", "   "})
    void malformedJsonIsAMalformedEvent(String json) {
        assertThrows(MalformedEventException.class, () -> EventJson.read(json, InboundEvent.class));
    }

    @Test
    void aTimestampThatIsNotANumberIsAMalformedEvent() {
        String json = EventJson.write(SampleEvents.userMessage())
                .replace("\"receivedAt\":" + SampleEvents.RECEIVED_AT, "\"receivedAt\":\"yesterday\"");

        assertThrows(MalformedEventException.class, () -> EventJson.read(json, InboundEvent.class));
    }

    @Test
    void aNullTimestampIsAMalformedEventNotZero() {
        String json = EventJson.write(SampleEvents.userMessage())
                .replace("\"receivedAt\":" + SampleEvents.RECEIVED_AT, "\"receivedAt\":null");

        assertThrows(MalformedEventException.class, () -> EventJson.read(json, InboundEvent.class));
    }

    /** Why the schemas say that adding an enum value is a breaking change: v1 consumers reject it. */
    @Test
    void anEnumValueUnknownToThisVersionIsAMalformedEvent() {
        String json = EventJson.write(SampleEvents.userMessage()).replace("\"USER_MESSAGE\"", "\"FOLLOW\"");

        assertThrows(MalformedEventException.class, () -> EventJson.read(json, InboundEvent.class));
    }

    @Test
    void deserializerTurnsMalformedBytesIntoSerializationException() {
        byte[] bytes = "{\"candidateId\": \"cand:1\", \"score\": \"高\"}".getBytes(StandardCharsets.UTF_8);

        assertThrows(
                SerializationException.class,
                () -> new ReplyCandidateDeserializer().deserialize(Topics.REPLY_CANDIDATES, bytes));
        assertThrows(
                SerializationException.class,
                () -> new InboundEventDeserializer()
                        .deserialize(Topics.INBOUND, "这不是JSON".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAuditRecordWithoutBeforeReadsBackWithoutBefore() {
        AuditRecord created = EventJson.read(EventJson.write(SampleEvents.globalTermCreated()), AuditRecord.class);

        assertNull(created.before());
        assertEquals(AuditRecord.PLATFORM_KEY, created.recordKey());
        assertEquals("agency-hz-017", SampleEvents.termUpdated().recordKey());
    }

    @Test
    void deserializerReadsATombstoneAsNull() {
        assertNull(new ConfigChangeDeserializer().deserialize(Topics.CONFIG_CHANGES, null));
    }

    private static Deserializer<?> deserializerOf(String topic) {
        return switch (topic) {
            case Topics.INBOUND -> new InboundEventDeserializer();
            case Topics.REPLY_CANDIDATES -> new ReplyCandidateDeserializer();
            case Topics.REPLY_VETTED -> new VettedReplyDeserializer();
            case Topics.DISPATCH_OUTCOMES -> new DispatchOutcomeDeserializer();
            case Topics.HANDOFFS -> new HandoffDeserializer();
            case Topics.CONVERSIONS -> new ConversionDeserializer();
            case Topics.VIOLATIONS -> new ViolationDeserializer();
            case Topics.CONFIG_CHANGES -> new ConfigChangeDeserializer();
            case Topics.ANALYTICS_OUTCOMES -> new OutcomeSnapshotDeserializer();
            case Topics.AUDIT_CHANGES -> new AuditRecordDeserializer();
            default -> throw new IllegalArgumentException("no deserializer for " + topic);
        };
    }
}
