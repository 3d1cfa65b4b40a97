package io.dmpilot.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.dmpilot.contracts.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordLogContextTest {
    private final RecordLogContext context =
            new RecordLogContext(openId -> "acct-1".equals(openId) ? "agency-a" : null);

    @AfterEach
    void clear() {
        MDC.clear();
    }

    private static Message<String> record(String key, RecordHeaders headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                "dm.inbound.v1", 0, 7L, 0L, TimestampType.CREATE_TIME, 0, 0, key, "{}", headers, Optional.empty());
        return Message.of("{}").addMetadata(new IncomingKafkaRecordMetadata<>(record, "dm-inbound"));
    }

    @Test
    void aConsumedRecordPutsItsConversationEventAndTraceIntoTheLogContext() {
        RecordHeaders headers = new RecordHeaders(CloudEventHeaders.of("ev-1", "t", "/dmpilot/x", "tr-9"));
        Message<String> message = record("conv-42", headers);
        assertSame(message, context.afterMessageReceive(message));
        assertEquals("conv-42", MDC.get(RecordLogContext.CONVERSATION_ID));
        assertEquals("ev-1", MDC.get(RecordLogContext.EVENT_ID));
        assertEquals("tr-9", MDC.get(RecordLogContext.TRACE_ID));
    }

    @Test
    void aRecordAboutAnAccountPutsTheAccountAndItsAgencyIntoTheLogContext() {
        context.afterMessageReceive(
                record("conv-1", new RecordHeaders(CloudEventHeaders.of("e", "t", "s", "tr", "acct-1"))));
        assertEquals("acct-1", MDC.get(RecordLogContext.ACCOUNT_ID));
        assertEquals("agency-a", MDC.get(RecordLogContext.AGENCY_ID));

        // an account the directory cannot place yet: the account is named, no agency is made up
        context.afterMessageReceive(
                record("conv-2", new RecordHeaders(CloudEventHeaders.of("e", "t", "s", "tr", "acct-new"))));
        assertEquals("acct-new", MDC.get(RecordLogContext.ACCOUNT_ID));
        assertNull(MDC.get(RecordLogContext.AGENCY_ID));
    }

    @Test
    void aRecordWithoutThemDoesNotInheritThePreviousRecordsIds() {
        context.afterMessageReceive(
                record("conv-42", new RecordHeaders(CloudEventHeaders.of("e", "t", "s", "tr", "acct-1"))));
        context.afterMessageReceive(record(null, new RecordHeaders()));
        assertNull(MDC.get(RecordLogContext.CONVERSATION_ID));
        assertNull(MDC.get(RecordLogContext.EVENT_ID));
        assertNull(MDC.get(RecordLogContext.TRACE_ID));
        assertNull(MDC.get(RecordLogContext.ACCOUNT_ID));
        assertNull(MDC.get(RecordLogContext.AGENCY_ID));
    }

    @Test
    void aMessageThatDidNotComeFromKafkaPassesUntouched() {
        Message<String> plain = Message.of("x");
        assertSame(plain, context.afterMessageReceive(plain));
        assertNull(MDC.get(RecordLogContext.CONVERSATION_ID));
    }
}
