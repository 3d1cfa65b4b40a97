package io.dmpilot.contracts;

public enum ConversionKind {
    LINK_CLICKED,
    ORDER_PLACED,
    LEAD_CAPTURED
}
