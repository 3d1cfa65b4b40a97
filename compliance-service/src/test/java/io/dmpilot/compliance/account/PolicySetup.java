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
        long before = policies.reloads();
        asSuperadmin()
                .contentType("application/json")
                .body(Map.of("handoffReasons", List.of(reasons)))
                .put("/compliance/accounts/" + account + "/policy")
                .then()
                .statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> policies.reloads() > before);
        return account;
    }

    private PolicySetup() {}
}
