package io.dmpilot.rules;

import static io.dmpilot.testing.OperatorKeys.as;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmpilot.contracts.AuditRecord;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Changes that compliance-service and dispatch-service publish on audit.changes.v1 land in the same audit log as
 * rules-service's own: in the changed object's agency, once however often delivered; a record that breaks the
 * contract is dead-lettered and the next one is still stored.
 */
@QuarkusTest
@WithTestResource(TestServices.class)
class AuditFromOtherServicesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String agency = "agency-" + UUID.randomUUID();

    @Test
    void aRecordOnTheTopicShowsInTheAgencysAuditWithItsServiceAndStates() {
        AuditRecord record = termUpdate(agency, "term-" + UUID.randomUUID());
        publish(record);

        awaitEntries(agency, "lexicon-term", record.entityId(), 1)
                .body("[0].service", equalTo("compliance-service"))
                .body("[0].principal", equalTo("key:k7d2f9a1"))
                .body("[0].callerAgencyId", equalTo(agency))
                .body("[0].action", equalTo("update"))
                .body("[0].before.substitute", nullValue())
                .body("[0].after.substitute", equalTo("超值"))
                .body("[0].after.term", equalTo("最便宜"));
        as(AuditLogTest.issue(agency, "operator"))
                .get("/agencies/{a}/audit", agency)
                .then()
                .statusCode(403);
    }

    @Test
    void aRedeliveredRecordIsStoredOnce() {
        String entity = "term-" + UUID.randomUUID();
        AuditRecord record = termUpdate(agency, entity);
        publish(record);
        publish(record);
        // same key, same partition: once the marker is stored, both deliveries before it were consumed
        AuditRecord marker = termUpdate(agency, "marker-" + UUID.randomUUID());
        publish(marker);

        awaitEntries(agency, "lexicon-term", marker.entityId(), 1);
        assertEquals(1, entries(agency, "lexicon-term", entity).size());
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheNextIsStillStored() {
        String broken = "{\"entryId\":\"" + UUID.randomUUID() + "\",\"entity\":\"这不是审计记录\"";
        String tooLong = EventJson.write(termUpdate(agency, "term-" + UUID.randomUUID()))
                .replace("\"lexicon-term\"", "\"" + "x".repeat(40) + "\"");
        AuditRecord next = termUpdate(agency, "term-" + UUID.randomUUID());
        try (TopicProbe dlq = TopicProbe.open(Topics.deadLetter(Topics.AUDIT_CHANGES))) {
            TopicProbe.send(Topics.AUDIT_CHANGES, agency, broken);
            TopicProbe.send(Topics.AUDIT_CHANGES, agency, tooLong);
            publish(next);

            await().atMost(WAIT)
                    .until(() -> dlq.rawRecords().stream()
                            .map(r -> r.value())
                            .toList()
                            .containsAll(List.of(broken, tooLong)));
        }
        awaitEntries(agency, "lexicon-term", next.entityId(), 1);
    }

    @Test
    void aPlatformChangeIsInThePlatformAuditForTheSuperadminOnly() {
        ObjectNode after = EventJson.mapper().createObjectNode().put("term", "加微信");
        String entity = "term-" + UUID.randomUUID();
        publish(new AuditRecord(
                UUID.randomUUID().toString(),
                null,
                "key:local",
                null,
                "compliance-service",
                "lexicon-term",
                entity,
                "create",
                null,
                after,
                System.currentTimeMillis()));

        await().atMost(WAIT)
                .untilAsserted(() -> asSuperadmin()
                        .get("/platform/audit?entity=lexicon-term")
                        .then()
                        .statusCode(200)
                        .body("find { it.entityId == '" + entity + "' }.after.term", equalTo("加微信"))
                        .body("find { it.entityId == '" + entity + "' }.agencyId", nullValue()));
        as(AuditLogTest.issue(agency, "admin")).get("/platform/audit").then().statusCode(403);
    }

    private static AuditRecord termUpdate(String agency, String entityId) {
        ObjectNode before =
                EventJson.mapper().createObjectNode().put("term", "最便宜").putNull("substitute");
        ObjectNode after = before.deepCopy().put("substitute", "超值");
        return new AuditRecord(
                UUID.randomUUID().toString(),
                agency,
                "key:k7d2f9a1",
                agency,
                "compliance-service",
                "lexicon-term",
                entityId,
                "update",
                before,
                after,
                System.currentTimeMillis());
    }

    private static void publish(AuditRecord record) {
        TopicProbe.send(Topics.AUDIT_CHANGES, record.recordKey(), EventJson.write(record));
    }

    /** Waits until the agency's log holds {@code count} entries of the object, then answers the log. */
    private static ValidatableResponse awaitEntries(String agency, String entity, String entityId, int count) {
        await().atMost(WAIT).until(() -> entries(agency, entity, entityId).size() == count);
        return asSuperadmin()
                .get("/agencies/{a}/audit?entity={e}", agency, entity)
                .then()
                .statusCode(200);
    }

    private static List<Map<String, Object>> entries(String agency, String entity, String entityId) {
        List<Map<String, Object>> log = asSuperadmin()
                .get("/agencies/{a}/audit?entity={e}&size=500", agency, entity)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return log.stream().filter(e -> entityId.equals(e.get("entityId"))).toList();
    }
}
