package io.dmpilot.compliance.account;

import static io.dmpilot.testing.OperatorKeys.asSuperadmin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** A fresh account whose policy hands off only the given reasons, in effect on this replica when it returns. */
public final class PolicySetup {
    public static String accountHandingOffOnly(AccountPolicies policies, String... reasons) {
        String account = "acct-keeps-" + UUID.randomUUID();
        put(policies, account, Map.of("handoffReasons", List.of(reasons)));
        return account;
    }

    /** A fresh account whose policy answers crises with {@code crisisReply}, in effect on this replica. */
    public static String accountWithCrisisReply(AccountPolicies policies, String crisisReply) {
        String account = "acct-crisis-" + UUID.randomUUID();
        put(policies, account, Map.of("crisisReply", crisisReply));
        return account;
    }

    private static void put(AccountPolicies policies, String account, Map<String, Object> body) {
        long before = policies.reloads();
        asSuperadmin()
                .contentType("application/json")
                .body(body)
                .put("/compliance/accounts/" + account + "/policy")
                .then()
                .statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> policies.reloads() > before);
    }

    private PolicySetup() {}
}
