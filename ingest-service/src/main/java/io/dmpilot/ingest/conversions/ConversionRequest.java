package io.dmpilot.ingest.conversions;

import com.fasterxml.jackson.databind.JsonNode;
import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.ConversionKind;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.kit.ProblemException;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads and validates a shop/CRM conversion body into the contract's {@link Conversion}. Pure: no I/O.
 * Every rejection names the field, wrong JSON types included (a bound record would only say "malformed").
 */
public final class ConversionRequest {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_ID = 200;

    public static Conversion parse(byte[] body, long now) {
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("body is not JSON");
        }
        if (root == null || !root.isObject()) throw ProblemException.badRequest("body must be a JSON object");
        String conversionId = requiredText(root, "conversionId");
        ConversionKind kind = kindOf(requiredText(root, "kind"));
        String accountOpenId = requiredText(root, "accountOpenId");
        String conversationId = optionalText(root, "conversationId");
        String userOpenId = optionalText(root, "userOpenId");
        if (conversationId == null && userOpenId == null) {
            throw ProblemException.invalidField(
                    "conversationId", "conversationId or userOpenId is required to attribute the conversion");
        }
        long valueCents = optionalLong(root, "valueCents");
        if (valueCents < 0) throw ProblemException.invalidField("valueCents", "valueCents must be ≥ 0");
        String currency = optionalText(root, "currency");
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw ProblemException.invalidField("currency", "currency must be an ISO 4217 code such as CNY");
        }
        if (valueCents > 0 && currency == null) {
            throw ProblemException.invalidField("currency", "currency is required when valueCents > 0");
        }
        long at = optionalLong(root, "at");
        if (at < 0) throw ProblemException.invalidField("at", "at must be epoch milliseconds");
        return new Conversion(
                conversionId,
                kind,
                accountOpenId,
                conversationId,
                userOpenId,
                valueCents,
                currency,
                at == 0 ? now : at);
    }

    /** One conversation stays ordered on one partition; without one, one user of one account does. */
    public static String keyOf(Conversion conversion) {
        return conversion.conversationId() != null
                ? conversion.conversationId()
                : conversion.accountOpenId() + ":" + conversion.userOpenId();
    }

    private static ConversionKind kindOf(String value) {
        try {
            return ConversionKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "kind", "kind must be one of " + Arrays.toString(ConversionKind.values()));
        }
    }

    private static String requiredText(JsonNode root, String field) {
        String value = optionalText(root, field);
        if (value == null) throw ProblemException.invalidField(field, field + " is required");
        return value;
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) throw ProblemException.invalidField(field, field + " must be a string");
        String value = node.asText().trim();
        if (value.length() > MAX_ID) {
            throw ProblemException.invalidField(field, field + " is longer than " + MAX_ID + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    private static long optionalLong(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return 0L;
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ProblemException.invalidField(field, field + " must be an integer");
        }
        return node.asLong();
    }

    private ConversionRequest() {}
}
