package io.dmpilot.contracts.douyin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates what a confused, broken or hostile client might send the webhook: random JSON, valid envelopes
 * with fields removed or of the wrong type, truncated bodies, huge strings, invalid UTF-8, deep nesting,
 * raw bytes — with missing, garbage, foreign or valid signatures. Deterministic for a given seed. ingest's
 * fuzz test fires them at the webhook alone; douyin-sim's load runs mix them into live traffic.
 */
public final class HostileWebhooks {
    public record Request(int index, byte[] body, String signature, String contentType, String kind) {}

    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            "application/x-www-form-urlencoded",
            "foo/bar",
            "application/json; charset=bogus");
    private static final List<String> EVENTS = List.of(
            "im_receive_msg",
            "im_send_msg",
            "im_enter_direct_msg",
            "im_recall_msg",
            "verify_webhook",
            "im_teleport",
            "");

    private final Random random;
    private final String tag;
    private final String secret;
    private final String account;

    /** Bodies addressed to {@code account} (a quarter to an unknown one), signed, if at all, with {@code secret}. */
    public HostileWebhooks(long seed, String tag, String secret, String account) {
        this.random = new Random(seed);
        this.tag = tag;
        this.secret = secret;
        this.account = account;
    }

    /** The server_message_id a generated body uses, so what reached Kafka can be traced to its request. */
    public String messageId(int index) {
        return tag + "-" + index;
    }

    /** The conversation a generated body uses: {@code conv-<tag>-<index>}. */
    public String conversationId(int index) {
        return "conv-" + tag + "-" + index;
    }

    public Request next(int index) {
        String kind;
        byte[] body;
        switch (random.nextInt(9)) {
            case 0 -> {
                kind = "random-json";
                body = randomJson(0).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                kind = "truncated";
                byte[] whole = envelope(index, validContent(index));
                body = java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case 2 -> {
                kind = "huge-string";
                body = envelope(
                        index,
                        validContent(index).replace("\"hi\"", quoted("x".repeat(40_000 + random.nextInt(40_000)))));
            }
            case 3 -> {
                kind = "invalid-utf8";
                body = invalidUtf8(envelope(index, validContent(index)));
            }
            case 4 -> {
                kind = "random-bytes";
                body = new byte[random.nextInt(300)];
                random.nextBytes(body);
            }
            case 5 -> {
                kind = "deep-nesting";
                int depth = 500 + random.nextInt(3000);
                body = ("[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                kind = "content-as-garbage-string";
                body = envelope(index, quoted(randomString(random.nextInt(50))));
            }
            default -> {
                kind = "wrong-types";
                body = envelopeWithWrongTypes(index);
            }
        }
        return new Request(index, body, signature(body), pick(CONTENT_TYPES), kind);
    }

    private String signature(byte[] body) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> hex(40);
            case 3 -> asciiString(random.nextInt(60));
            case 4 -> DouyinSignature.sign("not-" + secret, body);
            case 5 -> DouyinSignature.sign(secret, body).toUpperCase();
            default -> DouyinSignature.sign(secret, body);
        };
    }

    private byte[] envelope(int index, String content) {
        String event = pick(EVENTS);
        String clientKey = random.nextInt(6) == 0 ? "other-app" : "sim-app";
        String to = random.nextInt(4) == 0 ? "nobody-" + tag : account;
        String json = "{\"event\":" + quoted(event) + ",\"from_user_id\":\"user-" + index + "\",\"to_user_id\":"
                + quoted(to) + ",\"client_key\":" + quoted(clientKey) + ",\"log_id\":\"log-" + index
                + "\",\"content\":" + content + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private String validContent(int index) {
        return "{\"conversation_short_id\":" + quoted(conversationId(index)) + ",\"server_message_id\":"
                + quoted(messageId(index))
                + ",\"conversation_type\":1,\"message_type\":\"text\",\"text\":\"hi\",\"source\":\"\",\"create_time\":"
                + random.nextLong() + ",\"user_infos\":[{\"open_id\":\"user-" + index
                + "\",\"nick_name\":\"n\"}],\"challenge\":"
                + random.nextInt() + "}";
    }

    /** A valid envelope with one field removed or replaced by a value of another JSON type. */
    private byte[] envelopeWithWrongTypes(int index) {
        String content = validContent(index);
        String[] fields = {"conversation_short_id", "server_message_id", "create_time", "user_infos", "text", "source"};
        String field = fields[random.nextInt(fields.length)];
        String replacement = pick(List.of("null", "42", "-1.5e300", "true", "[]", "{}", "[1,{\"a\":null}]", "\"\""));
        content = content.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|[-0-9]+|\\[[^\\]]*\\])", "\"" + field + "\":" + replacement);
        byte[] body = envelope(index, content);
        if (random.nextBoolean()) {
            String text = new String(body, StandardCharsets.UTF_8);
            String top = pick(List.of("event", "client_key", "from_user_id", "to_user_id", "content"));
            text = text.replaceFirst(
                    "\"" + top + "\":(\"[^\"]*\")",
                    "\"" + top + "\":" + pick(List.of("null", "7", "[]", "{}", "false")));
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        return body;
    }

    private byte[] invalidUtf8(byte[] body) {
        byte[] out = body.clone();
        byte[][] bad = {
            {(byte) 0xC3, (byte) 0x28},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}
        };
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            byte[] b = bad[random.nextInt(bad.length)];
            int at = random.nextInt(Math.max(1, out.length - b.length));
            System.arraycopy(b, 0, out, at, b.length);
        }
        return out;
    }

    private String randomJson(int depth) {
        int choice = depth > 4 ? 2 + random.nextInt(4) : random.nextInt(6);
        return switch (choice) {
            case 0 -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(5); i > 0; i--) {
                    String key = random.nextInt(3) == 0
                            ? pick(List.of("event", "client_key", "content", "to_user_id"))
                            : randomString(8);
                    object.append(quoted(key))
                            .append(':')
                            .append(randomJson(depth + 1))
                            .append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
            case 1 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.append(randomJson(depth + 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            case 2 -> quoted(randomString(random.nextInt(20)));
            case 3 -> Long.toString(random.nextLong());
            case 4 -> random.nextBoolean() ? "true" : "null";
            default -> Double.toString(random.nextDouble() * 1e308);
        };
    }

    private String randomString(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextInt(3) == 0 ? 0x4E00 + random.nextInt(500) : 0x20 + random.nextInt(95)));
        }
        return out.toString();
    }

    /** Header values must be visible ASCII, or the HTTP client refuses to send them. */
    private String asciiString(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append((char) (0x21 + random.nextInt(94)));
        return out.toString();
    }

    private String hex(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append(Character.forDigit(random.nextInt(16), 16));
        return out.toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
