package io.dmpilot.dispatch.douyin;

/** The platform did not take a message: either worth retrying, or final. */
public abstract sealed class SendFailure extends RuntimeException {
    private final long code;

    SendFailure(long code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The platform's error code, or the HTTP status when it answered none. */
    public long code() {
        return code;
    }

    /** Rate limits, time-outs, 5xx, connection failures: retried, and counted by the circuit breaker. */
    public static final class Retryable extends SendFailure {
        public Retryable(long code, String message) {
            super(code, message);
        }
    }

    /** Not authorised, banned, bad request: retrying cannot help, and it says nothing of the platform's health. */
    public static final class Final extends SendFailure {
        public Final(long code, String message) {
            super(code, message);
        }
    }
}
