package io.dmpilot.contracts;

/** Why a conversation needs a human. */
public enum HandoffReason {
    AUTO_REPLY_CAP,
    OVER_QUOTA,
    COMPLAINT,
    CRISIS,
    HARASSMENT,
    USER_ASKED
}
