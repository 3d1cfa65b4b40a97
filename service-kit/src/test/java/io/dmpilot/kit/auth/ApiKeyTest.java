package io.dmpilot.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {
    @Test
    void aGeneratedKeyParsesBackAndMatchesOnlyItsOwnHash() {
        ApiKey key = ApiKey.generate();
        ApiKey parsed = ApiKey.parse(key.value()).orElseThrow();
        assertEquals(key, parsed);
        assertEquals(12, key.prefix().length());
        assertTrue(parsed.matches(key.secretHash()));
        assertFalse(ApiKey.generate().matches(key.secretHash()));
        assertFalse(key.matches(null));
        assertNotEquals(key.secret(), key.secretHash());
    }

    @Test
    void theSecretNeverShowsInToString() {
        ApiKey key = ApiKey.generate();
        assertFalse(key.toString().contains(key.secret()));
        assertTrue(key.toString().contains(key.prefix()));
        KeyRecord record = new KeyRecord(key.prefix(), "a", Roles.ADMIN, "n", 1, false, key.secretHash());
        assertFalse(new IssuedKey(key, record).toString().contains(key.secret()));
        assertFalse(record.toString().contains(key.secretHash()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "dmp_",
                "dmp__abcdefghijklmnopqrstu",
                "dmp_abc_short",
                "xyz_abc_abcdefghijklmnopqrstu",
                "dmp_ABC_abcdefghijklmnopqrstu",
                "dmp_abc_abcdefghij klmnopqrstu",
                "Bearer dmp_abc_abcdefghijklmnopqrstu"
            })
    void malformedKeysDoNotParse(String token) {
        assertTrue(ApiKey.parse(token).isEmpty(), token);
    }

    @Test
    void eachRoleIncludesTheRolesBelowIt() {
        assertEquals(Set.of(Roles.VIEWER), Roles.implied(Roles.VIEWER));
        assertEquals(Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN), Roles.implied(Roles.ADMIN));
        assertEquals(4, Roles.implied(Roles.SUPERADMIN).size());
        assertFalse(new KeyRecord("p", "a", "root", "n", 1, false, "h").active());
        assertFalse(new KeyRecord("p", "a", Roles.ADMIN, "n", 1, true, "h").active());
    }
}
