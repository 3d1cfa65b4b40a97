package io.dmpilot.dispatch.degrade;

/**
 * When to degrade and when to come back, from the load alone: no clock, no I/O. A level is entered as soon
 * as the inbound rate <em>or</em> the consumer lag reaches its threshold (straight to BASIC when BASIC's
 * is reached); it is left one level at a time, only when both have fallen below {@code recoverRatio} of
 * the current level's thresholds and the level has held for {@code holdMillis} — the hysteresis that keeps
 * a load hovering at a threshold from flapping.
 */
public record DegradePolicy(Thresholds advanced, Thresholds basic, double recoverRatio, long holdMillis) {

    /** Inbound messages per second and records behind, at or above which a level applies. */
    public record Thresholds(double inboundPerSecond, long lag) {
        boolean reachedBy(Load load) {
            return load.inboundPerSecond() >= inboundPerSecond || load.lag() >= lag;
        }

        boolean clearOf(Load load, double ratio) {
            return load.inboundPerSecond() < inboundPerSecond * ratio && load.lag() < lag * ratio;
        }
    }

    /** What the monitor measured: messages per second into the pipeline, records dispatch is behind. */
    public record Load(double inboundPerSecond, long lag) {}

    public DegradePolicy {
        if (recoverRatio <= 0 || recoverRatio > 1) throw new IllegalArgumentException("recoverRatio in (0, 1]");
    }

    /**
     * The level after this measurement.
     *
     * @param heldMillis how long {@code current} has been in force
     */
    public DegradeLevel next(DegradeLevel current, Load load, long heldMillis) {
        DegradeLevel reached = basic.reachedBy(load)
                ? DegradeLevel.BASIC
                : advanced.reachedBy(load) ? DegradeLevel.ADVANCED : DegradeLevel.NORMAL;
        if (reached.compareTo(current) > 0) return reached;
        if (current == DegradeLevel.NORMAL || heldMillis < holdMillis) return current;
        return thresholds(current).clearOf(load, recoverRatio) ? current.down() : current;
    }

    private Thresholds thresholds(DegradeLevel level) {
        return level == DegradeLevel.BASIC ? basic : advanced;
    }
}
