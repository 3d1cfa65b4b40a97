package io.dmpilot.dispatch.douyin;

/**
 * The platform did not take a message (worth retrying, or final), or nothing says whether it did (unanswered).
 */
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

    /** Rate limits, 5xx, refused connections: retried, and counted by the circuit breaker. */
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

    /**
     * The request left but its answer never came (a time-out, a connection cut mid-call): the platform may have
     * sent the message. Never retried, since a second send could reach the user twice; the platform's echo of the
     * send tells. Found by the fault benchmark: with the send API 2 s slow, 125 replies went out twice.
     */
    public static final class Unanswered extends SendFailure {
        public Unanswered(String message) {
            super(0, message);
        }
    }
}
