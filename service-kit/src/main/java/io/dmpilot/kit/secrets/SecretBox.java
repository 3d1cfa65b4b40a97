package io.dmpilot.kit.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts an account's secrets (platform tokens) for storage: AES-256-GCM with a random 96-bit nonce per value
 * and the account id as associated data, so a value copied to another account's record does not open. A sealed
 * value reads {@code v1:<key id>:<base64url(nonce|ciphertext)>}; the key id (a fingerprint of the key, not the
 * key) says which key sealed it, so a new key can take over while the old ones still open what they sealed.
 * No message of this class ever holds a key, a plaintext or a sealed value.
 */
public final class SecretBox {
    static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_ID_BYTES = 4;

    private final Key current;
    private final Map<String, Key> byId;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(Key current, Map<String, Key> byId) {
        this.current = current;
        this.byId = byId;
    }

    /**
     * From the configuration: {@code currentKey} (base64 of 32 bytes) seals and opens, each of {@code oldKeys}
     * only opens. Missing or malformed: {@link IllegalStateException} naming the setting, never its value.
     */
    public static SecretBox of(Optional<String> currentKey, List<String> oldKeys) {
        String current = currentKey
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .orElseThrow(() -> invalid(SecretsConfig.KEY_VARIABLE, "is not set"));
        Key key = Key.decode(current, SecretsConfig.KEY_VARIABLE);
        Map<String, Key> byId = new LinkedHashMap<>();
        byId.put(key.id(), key);
        for (int i = 0; i < oldKeys.size(); i++) {
            String old = oldKeys.get(i).strip();
            if (old.isEmpty()) continue;
            Key decoded = Key.decode(old, SecretsConfig.OLD_KEYS_VARIABLE + " (entry " + (i + 1) + ")");
            byId.putIfAbsent(decoded.id(), decoded);
        }
        return new SecretBox(key, Map.copyOf(byId));
    }

    /** Whether {@code value} is in the sealed form (else it is a value stored before encryption). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Seals {@code plaintext} for {@code accountId}: a new nonce each time, so equal secrets never look alike. */
    public String seal(String accountId, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext =
                crypt(Cipher.ENCRYPT_MODE, current, nonce, accountId, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] payload = ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
                .put(nonce)
                .put(ciphertext)
                .array();
        return PREFIX + current.id() + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }

    /** The plaintext of a value sealed for {@code accountId} by the current or an old key. */
    public String open(String accountId, String sealed) {
        if (!isSealed(sealed)) throw new Unreadable("not a " + VERSION + " sealed value");
        String rest = sealed.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) throw new Unreadable("no key id");
        Key key = byId.get(rest.substring(0, colon));
        if (key == null)
            throw new Unreadable("sealed by key " + rest.substring(0, colon) + ", which is not configured");
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("not base64url"); // the decoder's message quotes a character of the value
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) throw new Unreadable("too short");
        byte[] nonce = java.util.Arrays.copyOf(payload, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(payload, NONCE_BYTES, payload.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, accountId, ciphertext), StandardCharsets.UTF_8);
    }

    /** Whether a sealed value should be sealed again: it was sealed by an old key. */
    public boolean sealedByOldKey(String sealed) {
        return isSealed(sealed) && !sealed.startsWith(PREFIX + current.id() + ":");
    }

    /** The current key's id, as sealed values name it. */
    public String currentKeyId() {
        return current.id();
    }

    private static byte[] crypt(int mode, Key key, byte[] nonce, String accountId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key, accountId));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new Unreadable("it was altered, or sealed for another account");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName());
        }
    }

    /** Binds the value to its account, and to its version and key, so none can be swapped unnoticed. */
    private static byte[] associatedData(Key key, String accountId) {
        return (PREFIX + key.id() + ":" + accountId).getBytes(StandardCharsets.UTF_8);
    }

    private static IllegalStateException invalid(String setting, String problem) {
        return new IllegalStateException(setting + " " + problem
                + ": it must be the base64 of 32 random bytes (openssl rand -base64 32); see docs/SECURITY.md");
    }

    /** A sealed value that cannot be opened with the configured keys for that account. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super("a sealed secret cannot be opened: " + reason, null, false, false);
        }
    }

    private record Key(String id, SecretKeySpec spec) {
        static Key decode(String base64, String setting) {
            byte[] bytes;
            try {
                bytes = (base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0)
                        ? Base64.getUrlDecoder().decode(base64)
                        : Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                // not chained: the decoder's message quotes a character of the key
                throw invalid(setting, "is not base64");
            }
            if (bytes.length != KEY_BYTES) {
                throw invalid(setting, "decodes to " + bytes.length + " bytes, not " + KEY_BYTES);
            }
            return new Key(fingerprint(bytes), new SecretKeySpec(bytes, "AES"));
        }

        private static String fingerprint(byte[] key) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update("dmpilot-secret-box-key-id:".getBytes(StandardCharsets.US_ASCII));
                byte[] digest = sha.digest(key);
                return HexFormat.of().formatHex(digest, 0, KEY_ID_BYTES);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }
}
