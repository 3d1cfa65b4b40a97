package io.dmpilot.contracts;

/** Service tier of an account (DESIGN §4): decides which reply engines it may use and its quota. */
public enum Tier {
    BASIC(100, 2_000),
    ADVANCED(50, 3_000),
    CUSTOM(20, 5_000);

    private final int repliesPerMinute;
    private final long sloMillis;

    Tier(int repliesPerMinute, long sloMillis) {
        this.repliesPerMinute = repliesPerMinute;
        this.sloMillis = sloMillis;
    }

    public int repliesPerMinute() {
        return repliesPerMinute;
    }

    public long sloMillis() {
        return sloMillis;
    }
}
