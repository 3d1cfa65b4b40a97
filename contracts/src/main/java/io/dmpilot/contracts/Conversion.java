package io.dmpilot.contracts;

/**
 * A business result attributed to a conversation, on {@code dm.conversions.v1}.
 *
 * @param valueCents order value in the smallest currency unit, 0 when not an order
 */
public record Conversion(
        String conversionId,
        ConversionKind kind,
        String accountOpenId,
        String conversationId,
        String userOpenId,
        long valueCents,
        String currency,
        long at) {}
