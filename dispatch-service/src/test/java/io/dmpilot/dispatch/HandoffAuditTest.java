package io.dmpilot.dispatch;

import static io.dmpilot.testing.OperatorKeys.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.AuditRecord;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Topics;
import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.accounts.KnownAccount;
import io.dmpilot.kit.auth.ApiKey;
import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.testing.SampleEvents;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Claiming, answering and releasing a handed-off conversation are published on audit.changes.v1 in the
 * account's agency, with the operator's key, before the call answers; never the user's words.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class HandoffAuditTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConversationState conversations;

    @Inject
    AccountDirectory directory;

    @Inject
    ApiKeyStore keys;

    @Test
    void claimReplyAndReleaseAreAuditedInTheAccountsAgency() {
        String agency = "agency-" + UUID.randomUUID();
        InboundEvent inbound = SampleEvents.userMessage(Messages.account(), "我要人工，我的手机号是13800138000");
        directory.put(new KnownAccount(inbound.accountOpenId(), agency));
        conversations.handOff(inbound, HandoffReason.OVER_QUOTA).await().atMost(WAIT);
        String operator = keys.issue(agency, Roles.OPERATOR, "hand-off audit")
                .await()
                .atMost(WAIT)
                .key()
                .value();
        String entityId = inbound.accountOpenId() + "/" + inbound.conversationId();

        try (TopicProbe audit = TopicProbe.open(Topics.AUDIT_CHANGES)) {
            claim(operator, inbound);
            claim(operator, inbound); // holding it already: no change, no entry
            as(operator)
                    .contentType(ContentType.JSON)
                    .body(Map.of("operator", "op-1", "text", "您好，我是客服小李"))
                    .post("/handoffs/{a}/{c}/reply", inbound.accountOpenId(), inbound.conversationId())
                    .then()
                    .statusCode(200);
            as(operator)
                    .post("/handoffs/{a}/{c}/release", inbound.accountOpenId(), inbound.conversationId())
                    .then()
                    .statusCode(204);

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> audit.records(AuditRecord.class, r -> entityId.equals(r.entityId())).stream()
                            .anyMatch(r -> r.action().equals("release")));
            List<AuditRecord> records = audit.records(AuditRecord.class, r -> entityId.equals(r.entityId()));
            assertEquals(
                    List.of("claim", "reply", "release"),
                    records.stream().map(AuditRecord::action).toList());
            for (AuditRecord record : records) {
                assertEquals(agency, record.agencyId());
                assertEquals(agency, record.actorAgencyId());
                assertEquals("key:" + ApiKey.parse(operator).orElseThrow().prefix(), record.actorPrincipal());
                assertEquals("dispatch-service", record.service());
                assertEquals("handoff", record.entity());
            }
            assertTrue(records.get(0).before().path("claimedBy").isNull(), "unclaimed before");
            assertEquals("OVER_QUOTA", records.get(0).before().path("reason").asText());
            assertEquals("op-1", records.get(0).after().path("claimedBy").asText());
            assertEquals("您好，我是客服小李", records.get(1).after().path("text").asText());
            assertEquals(
                    "sent-" + inbound.serverMessageId(),
                    records.get(1).after().path("platformMessageId").asText());
            assertEquals("op-1", records.get(2).before().path("claimedBy").asText());
            assertNull(records.get(2).after());
            audit.rawRecords().forEach(r -> {
                assertFalse(r.value().contains("13800138000"), "the user's words in the audit");
                assertFalse(r.value().contains(operator), "a key in the audit");
            });
        }
    }

    private static void claim(String operator, InboundEvent inbound) {
        as(operator)
                .contentType(ContentType.JSON)
                .body(Map.of("operator", "op-1"))
                .post("/handoffs/{a}/{c}/claim", inbound.accountOpenId(), inbound.conversationId())
                .then()
                .statusCode(200);
    }
}
