package io.dmpilot.kit.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator API key, {@code dmp_<prefix>_<secret>}. The prefix names the key's record and may be shown and
 * logged; the secret is 256 random bits, so one SHA-256 of it is enough at rest (nothing to guess, no
 * dictionary to slow down: docs/SECURITY.md). {@link #toString()} never shows the secret.
 */
public record ApiKey(String prefix, String secret) {
    private static final Pattern FORMAT = Pattern.compile("dmp_([a-z0-9]{1,32})_([A-Za-z0-9_-]{16,128})");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Optional<ApiKey> parse(String token) {
        Matcher m = token == null ? null : FORMAT.matcher(token);
        return m != null && m.matches() ? Optional.of(new ApiKey(m.group(1), m.group(2))) : Optional.empty();
    }

    /** A fresh key: 48-bit prefix (hex), 256-bit secret (base64url). */
    public static ApiKey generate() {
        byte[] prefix = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefix);
        RANDOM.nextBytes(secret);
        return new ApiKey(
                HexFormat.of().formatHex(prefix),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The whole key, as the caller sends it. Shown once, when the key is issued. */
    public String value() {
        return "dmp_" + prefix + "_" + secret;
    }

    public String secretHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Constant time, so the answer's timing says nothing about how much of a guess was right. */
    public boolean matches(String storedHash) {
        return storedHash != null
                && MessageDigest.isEqual(
                        secretHash().getBytes(StandardCharsets.US_ASCII),
                        storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "dmp_" + prefix + "_…";
    }
}
