package io.dmpilot.compliance;

import static io.dmpilot.testing.OperatorKeys.as;
import static io.dmpilot.testing.OperatorKeys.asSuperadmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dmpilot.contracts.AuditRecord;
import io.dmpilot.contracts.Topics;
import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.accounts.KnownAccount;
import io.dmpilot.kit.auth.ApiKey;
import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.testing.OperatorKeys;
import io.dmpilot.testing.TestServices;
import io.dmpilot.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Lexicon and policy changes are published on audit.changes.v1 before the call answers: who, the changed
 * object's agency (an account's from the account directory, none for a global term), before and after.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class ComplianceAuditTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ApiKeyStore keys;

    @Inject
    AccountDirectory directory;

    private final String agency = "agency-" + UUID.randomUUID();

    @Test
    void anAgencysTermIsAuditedOnCreateUpdateAndDeleteInThatAgency() {
        String operator = issue(agency, Roles.OPERATOR);
        String term = "奇" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "") + "词";
        try (TopicProbe audit = TopicProbe.open(Topics.AUDIT_CHANGES)) {
            int id = as(operator)
                    .contentType("application/json")
                    .body(term(agency, term, null))
                    .post("/lexicons/terms")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(operator)
                    .contentType("application/json")
                    .body(term(agency, term, "好词"))
                    .put("/lexicons/terms/" + id)
                    .then()
                    .statusCode(200);
            as(operator).delete("/lexicons/terms/" + id).then().statusCode(204);

            List<AuditRecord> records = awaitRecords(audit, "lexicon-term", String.valueOf(id), 3);
            assertEquals(
                    List.of("create", "update", "delete"),
                    records.stream().map(AuditRecord::action).toList());
            for (AuditRecord record : records) {
                assertEquals(agency, record.agencyId());
                assertEquals(agency, record.actorAgencyId());
                assertEquals("key:" + ApiKey.parse(operator).orElseThrow().prefix(), record.actorPrincipal());
                assertEquals("compliance-service", record.service());
            }
            assertNull(records.get(0).before());
            assertEquals(term, records.get(0).after().path("term").asText());
            assertEquals(
                    "EXTREME_ADVERTISING",
                    records.get(1).before().path("category").asText());
            assertEquals("好词", records.get(1).after().path("substitute").asText());
            assertEquals("好词", records.get(2).before().path("substitute").asText());
            assertNull(records.get(2).after());
            assertEquals(
                    records.size(),
                    records.stream().map(AuditRecord::entryId).distinct().count());
            audit.rawRecords().forEach(r -> assertFalse(r.value().contains(operator), "a key in the audit"));
            assertEquals(
                    agency,
                    audit.rawRecords().stream()
                            .filter(r -> r.value().contains("\"entityId\":\"" + id + "\""))
                            .findFirst()
                            .orElseThrow()
                            .key());
        }
    }

    @Test
    void aGlobalTermIsAPlatformEntryOfTheSuperadmin() {
        String term = "奇" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "") + "语";
        try (TopicProbe audit = TopicProbe.open(Topics.AUDIT_CHANGES)) {
            int id = asSuperadmin()
                    .contentType("application/json")
                    .body(term(null, term, null))
                    .post("/lexicons/terms")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            asSuperadmin().delete("/lexicons/terms/" + id).then().statusCode(204);

            List<AuditRecord> records = awaitRecords(audit, "lexicon-term", String.valueOf(id), 2);
            assertNull(records.get(0).agencyId());
            assertNull(records.get(0).actorAgencyId());
            assertEquals(AuditRecord.PLATFORM_KEY, records.get(0).recordKey());
        }
    }

    @Test
    void aPolicyChangeIsAuditedInTheAccountsAgencyWithTheFormerPolicy() {
        String account = "acct-audit-" + UUID.randomUUID();
        directory.put(new KnownAccount(account, agency));
        String operator = issue(agency, Roles.OPERATOR);
        try (TopicProbe audit = TopicProbe.open(Topics.AUDIT_CHANGES)) {
            putPolicy(operator, account, Map.of("qualifications", List.of("medical")));
            putPolicy(
                    OperatorKeys.LOCAL_BOOTSTRAP,
                    account,
                    Map.of("qualifications", List.of("finance"), "crisisReply", "请拨打热线"));

            List<AuditRecord> records = awaitRecords(audit, "compliance-policy", account, 2);
            assertEquals(
                    List.of(agency, agency),
                    records.stream().map(AuditRecord::agencyId).toList());
            assertNull(records.get(0).before());
            assertEquals(
                    "medical",
                    records.get(0).after().path("qualifications").path(0).asText());
            assertEquals(
                    "medical",
                    records.get(1).before().path("qualifications").path(0).asText());
            assertEquals(
                    "finance",
                    records.get(1).after().path("qualifications").path(0).asText());
            assertEquals("请拨打热线", records.get(1).after().path("crisisReply").asText());
            assertNull(records.get(1).actorAgencyId(), "the superadmin belongs to no agency");
        }
    }

    private static List<AuditRecord> awaitRecords(TopicProbe audit, String entity, String entityId, int count) {
        Awaitility.await()
                .atMost(WAIT)
                .until(() -> audit.records(AuditRecord.class, r -> matches(r, entity, entityId))
                                .size()
                        >= count);
        return audit.records(AuditRecord.class, r -> matches(r, entity, entityId));
    }

    private static boolean matches(AuditRecord record, String entity, String entityId) {
        return entity.equals(record.entity()) && entityId.equals(record.entityId());
    }

    private static void putPolicy(String key, String account, Map<String, Object> body) {
        as(key).contentType("application/json")
                .body(body)
                .put("/compliance/accounts/{a}/policy", account)
                .then()
                .statusCode(200);
    }

    private static Map<String, Object> term(String agencyId, String term, String substitute) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyId", agencyId);
        body.put("category", "EXTREME_ADVERTISING");
        body.put("term", term);
        body.put("substitute", substitute);
        return body;
    }

    private String issue(String agency, String role) {
        return keys.issue(agency, role, "audit test")
                .await()
                .indefinitely()
                .key()
                .value();
    }
}
