package io.dmpilot.dispatch.pacing;

import java.time.Duration;
import java.util.function.LongBinaryOperator;

/**
 * How long to wait before a send (seed §4): the "typing" pause in business hours, the longer off-hours
 * interval outside them — never so long that the reply would miss its deadline: the pause leaves at least
 * {@code reserve} of the time still left for quota, window and the platform call.
 */
public record Pacing(
        Duration typingMin, Duration typingMax, Duration offHoursMin, Duration offHoursMax, Duration reserve) {

    /**
     * @param open whether the account is in business hours
     * @param untilDeadline milliseconds left before the reply's deadline
     * @param random a uniform draw in [min, max] (inclusive)
     */
    public long pauseMillis(boolean open, long untilDeadline, LongBinaryOperator random) {
        long min = (open ? typingMin : offHoursMin).toMillis();
        long max = Math.max(min, (open ? typingMax : offHoursMax).toMillis());
        long pause = max == 0 ? 0 : random.applyAsLong(min, max);
        long allowed = Math.max(0, untilDeadline - reserve.toMillis());
        return Math.min(pause, allowed);
    }
}
