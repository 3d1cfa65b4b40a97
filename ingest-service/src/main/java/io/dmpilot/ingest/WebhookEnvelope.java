package io.dmpilot.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.kit.ProblemException;
import java.io.IOException;

/**
 * The platform's envelope {@code {event, from_user_id, to_user_id, client_key, log_id, content}}. The
 * platform sends {@code content} either as an object or as a JSON string; both are accepted.
 */
public record WebhookEnvelope(
        String event, String fromUserId, String toUserId, String clientKey, String logId, JsonNode content) {

    private static final ObjectMapper JSON = EventJson.mapper();

    public static WebhookEnvelope parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("body is not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.badRequest("body must be a JSON object");
        }
        return new WebhookEnvelope(
                required(root, "event"),
                text(root, "from_user_id"),
                text(root, "to_user_id"),
                required(root, "client_key"),
                text(root, "log_id"),
                content(root.get("content")));
    }

    public String contentText(String field) {
        return text(content, field);
    }

    public String requiredContent(String field) {
        String value = contentText(field);
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("content." + field, "content." + field + " is required for " + event);
        }
        return value;
    }

    public long contentLong(String field) {
        JsonNode node = content.get(field);
        return node != null && node.canConvertToLong() ? node.asLong() : 0L;
    }

    private static JsonNode content(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ProblemException.invalidField("content", "content is required");
        }
        if (node.isTextual()) {
            try {
                node = JSON.readTree(node.asText());
            } catch (JsonProcessingException e) {
                throw ProblemException.invalidField("content", "content string is not JSON");
            }
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalidField("content", "content must be an object or a JSON string of one");
        }
        return node;
    }

    private static String required(JsonNode root, String field) {
        String value = text(root, field);
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, field + " is required");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
