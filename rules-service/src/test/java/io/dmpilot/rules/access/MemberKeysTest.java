package io.dmpilot.rules.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which role a member's key has after the member's role changes. */
class MemberKeysTest {
    @ParameterizedTest(name = "key {0}, member {1} → {2}: key {3}")
    @CsvSource({
        // a key at the member's full role follows it, up and down
        "operator, operator, admin,    admin",
        "operator, operator, viewer,   viewer",
        "admin,    admin,    operator, operator",
        // a key issued below the member stays below, and never above the new role
        "viewer,   operator, admin,    viewer",
        "operator, admin,    viewer,   viewer",
        "operator, admin,    operator, operator",
        "viewer,   admin,    operator, viewer"
    })
    void aKeyFollowsItsMemberButNeverExceedsIt(String key, String oldRole, String newRole, String expected) {
        assertEquals(expected, MemberKeys.roleAfter(key, oldRole, newRole));
    }
}
