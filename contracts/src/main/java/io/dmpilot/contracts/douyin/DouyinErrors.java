package io.dmpilot.contracts.douyin;

/** The send API's error codes dmpilot acts on (DESIGN §10). */
public final class DouyinErrors {
    public static final long QUOTA_USED_UP = 28003017L;
    public static final long RATE_TOO_HIGH = 28003018L;
    public static final long TOKEN_EXPIRED = 28001008L;
    public static final long NOT_AUTHORISED = 28001012L;
    public static final long APP_BANNED = 28001016L;

    /** Worth another try later: the platform asked us to slow down. */
    public static boolean retryable(long code) {
        return code == QUOTA_USED_UP || code == RATE_TOO_HIGH;
    }

    private DouyinErrors() {}
}
