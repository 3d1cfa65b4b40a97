package io.dmpilot.ingest.conversions;

import io.dmpilot.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The shop/CRM keys of POST /conversions. Compared in constant time: both sides are hashed first (so the
 * length of a key leaks nothing either) and every configured key is compared, matching or not.
 */
@ApplicationScoped
public class ApiKeys {
    private final List<byte[]> digests;

    public ApiKeys(IngestConfig config) {
        this.digests = config.conversionKeys().orElse(List.of()).stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .map(ApiKeys::sha256)
                .toList();
    }

    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) return false;
        byte[] given = sha256(presented);
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, given);
        }
        return match;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
