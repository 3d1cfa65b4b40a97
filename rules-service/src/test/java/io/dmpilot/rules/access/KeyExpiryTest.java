package io.dmpilot.rules.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dmpilot.kit.ProblemException;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When an issued key expires, decided against a fixed "now": no clock is read. */
class KeyExpiryTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void withoutEitherFieldAKeyNeverExpires() {
        assertNull(KeyExpiry.resolve(null, null, NOW));
    }

    @Test
    void expiresInDaysCountsWholeDaysFromNow() {
        assertEquals(Instant.parse("2026-06-02T12:00:00Z"), KeyExpiry.resolve(1, null, NOW));
        assertEquals(Instant.parse("2036-05-29T12:00:00Z"), KeyExpiry.resolve(3650, null, NOW));
    }

    @Test
    void anExpiryIsKeptToTheMillisecondAsRedisHoldsIt() {
        assertEquals(
                Instant.parse("2026-06-02T12:00:00.123Z"),
                KeyExpiry.resolve(1, null, Instant.parse("2026-06-01T12:00:00.123456789Z")));
    }

    @Test
    void expiresAtIsTakenAsGiven() {
        assertEquals(Instant.parse("2026-06-01T12:00:01Z"), KeyExpiry.resolve(null, "2026-06-01T12:00:01Z", NOW));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("refused")
    void badExpiriesAreRefusedNamingTheField(Integer days, String at, String field) {
        ProblemException refused = assertThrows(ProblemException.class, () -> KeyExpiry.resolve(days, at, NOW));
        assertEquals(400, refused.problem().status());
        assertEquals(field, refused.problem().field());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(0, null, "expiresInDays"),
                Arguments.of(-5, null, "expiresInDays"),
                Arguments.of(3651, null, "expiresInDays"),
                Arguments.of(null, "tomorrow", "expiresAt"),
                Arguments.of(null, "2026-06-01T12:00:00Z", "expiresAt"),
                Arguments.of(null, "2020-01-01T00:00:00Z", "expiresAt"),
                Arguments.of(null, "2036-05-29T12:00:01Z", "expiresAt"),
                Arguments.of(7, "2026-07-01T00:00:00Z", "expiresAt"));
    }
}
