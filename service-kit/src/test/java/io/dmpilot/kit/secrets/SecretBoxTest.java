package io.dmpilot.kit.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretBoxTest {
    private static final String KEY = newKey();
    private static final String OLD_KEY = newKey();
    private static final String ACCOUNT = "acct-1";
    private static final SecretBox BOX = SecretBox.of(Optional.of(KEY), List.of());

    static Stream<Arguments> plaintexts() {
        return Stream.of(
                Arguments.of("act.3f1a9c0e5b7d", "a Douyin access token"),
                Arguments.of("", "empty"),
                Arguments.of("令牌-🔑", "not ASCII"),
                Arguments.of("x".repeat(4096), "long"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("plaintexts")
    void aSealedValueOpensForItsAccountAndShowsNothingOfThePlaintext(String plaintext, String what) {
        String sealed = BOX.seal(ACCOUNT, plaintext);

        assertEquals(plaintext, BOX.open(ACCOUNT, sealed));
        assertTrue(sealed.startsWith("v1:" + BOX.currentKeyId() + ":"), sealed);
        assertTrue(SecretBox.isSealed(sealed));
        if (!plaintext.isEmpty()) assertFalse(sealed.contains(plaintext));
        assertNotEquals(sealed, BOX.seal(ACCOUNT, plaintext), "a fresh nonce each time");
    }

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of((UnaryOperator<String>) s -> flip(s, s.length() - 3), "a character of the tag"),
                Arguments.of((UnaryOperator<String>) s -> flip(s, s.lastIndexOf(':') + 2), "a nonce character"),
                Arguments.of((UnaryOperator<String>) s -> s.substring(0, s.length() - 4), "truncated"),
                Arguments.of((UnaryOperator<String>) s -> s + "AAAA", "extended"),
                Arguments.of((UnaryOperator<String>) s -> s.replace("v1:", "v2:"), "another version"),
                Arguments.of((UnaryOperator<String>) s -> "v1:00000000" + s.substring(11), "unknown key id"),
                Arguments.of((UnaryOperator<String>) s -> s.substring(0, s.lastIndexOf(':')), "no payload"),
                Arguments.of((UnaryOperator<String>) s -> s.substring(0, s.lastIndexOf(':') + 1) + "!!", "not base64"),
                Arguments.of((UnaryOperator<String>) s -> "act.3f1a9c0e5b7d", "plaintext"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tampering")
    void anAlteredValueDoesNotOpen(UnaryOperator<String> alter, String what) {
        String altered = alter.apply(BOX.seal(ACCOUNT, "act.3f1a9c0e5b7d"));

        SecretBox.Unreadable failure = assertThrows(SecretBox.Unreadable.class, () -> BOX.open(ACCOUNT, altered));
        assertFalse(failure.getMessage().contains(altered), "the message never quotes the value");
    }

    @Test
    void aValueCopiedToAnotherAccountDoesNotOpen() {
        String sealed = BOX.seal(ACCOUNT, "act.3f1a9c0e5b7d");

        SecretBox.Unreadable failure = assertThrows(SecretBox.Unreadable.class, () -> BOX.open("acct-2", sealed));
        assertTrue(failure.getMessage().contains("another account"), failure.getMessage());
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        SecretBox before = SecretBox.of(Optional.of(OLD_KEY), List.of());
        String sealedBefore = before.seal(ACCOUNT, "old-token");
        SecretBox after = SecretBox.of(Optional.of(KEY), List.of(OLD_KEY));

        assertEquals("old-token", after.open(ACCOUNT, sealedBefore));
        assertTrue(after.sealedByOldKey(sealedBefore));
        String resealed = after.seal(ACCOUNT, "old-token");
        assertFalse(after.sealedByOldKey(resealed));
        assertEquals("old-token", BOX.open(ACCOUNT, resealed), "the new key alone opens what it sealed");
        assertThrows(SecretBox.Unreadable.class, () -> BOX.open(ACCOUNT, sealedBefore), "old key dropped");
    }

    static Stream<Arguments> badKeys() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        return Stream.of(
                Arguments.of(Optional.empty(), List.of(), "DMPILOT_SECRETS_KEY", "is not set"),
                Arguments.of(Optional.of("  "), List.of(), "DMPILOT_SECRETS_KEY", "is not set"),
                Arguments.of(Optional.of("not base64 at all!"), List.of(), "DMPILOT_SECRETS_KEY", "is not base64"),
                Arguments.of(Optional.of(shortKey), List.of(), "DMPILOT_SECRETS_KEY", "16 bytes, not 32"),
                Arguments.of(
                        Optional.of(KEY),
                        List.of("%%%"),
                        "DMPILOT_SECRETS_OLD_KEYS (dmpilot.secrets.old-keys) (entry 1)",
                        "not base64"),
                Arguments.of(Optional.of(KEY), List.of(OLD_KEY, shortKey), "(entry 2)", "16 bytes"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("badKeys")
    void aMissingOrMalformedKeyIsRefusedWithoutShowingIt(
            Optional<String> key, List<String> oldKeys, String names, String says) {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> SecretBox.of(key, oldKeys));

        assertTrue(failure.getMessage().contains(names), failure.getMessage());
        assertTrue(failure.getMessage().contains(says), failure.getMessage());
        assertEquals(null, failure.getCause(), "a decoder's message would quote the key");
        key.filter(k -> !k.isBlank())
                .ifPresent(k -> assertFalse(failure.getMessage().contains(k)));
        oldKeys.forEach(k -> assertFalse(failure.getMessage().contains(k)));
    }

    @Test
    void aKeyInBase64urlIsReadToo() {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) 0xfb; // encodes with '-' or '_' in base64url
        bytes[1] = (byte) 0xff;
        String urlKey = Base64.getUrlEncoder().encodeToString(bytes);
        SecretBox box = SecretBox.of(Optional.of(urlKey), List.of());
        assertEquals("t", box.open(ACCOUNT, box.seal(ACCOUNT, "t")));
        assertEquals(
                box.currentKeyId(),
                SecretBox.of(Optional.of(Base64.getEncoder().encodeToString(bytes)), List.of())
                        .currentKeyId());
    }

    private static String flip(String sealed, int index) {
        char c = sealed.charAt(index);
        char other = c == 'A' ? 'B' : 'A';
        return sealed.substring(0, index) + other + sealed.substring(index + 1);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
