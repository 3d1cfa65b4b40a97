package io.dmpilot.contracts.douyin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Douyin's webhook signature (DESIGN §10): hex SHA-1 of (client_secret + raw body), compared in constant time. */
public final class DouyinSignature {
    public static String sign(String secret, byte[] body) {
        MessageDigest sha1 = sha1();
        sha1.update(secret.getBytes(StandardCharsets.UTF_8));
        sha1.update(body);
        return HexFormat.of().formatHex(sha1.digest());
    }

    public static boolean verify(String secret, byte[] body, String signatureHex) {
        if (signatureHex == null || signatureHex.length() != 40) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex.toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(sign(secret, body));
        return MessageDigest.isEqual(expected, given);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private DouyinSignature() {}
}
