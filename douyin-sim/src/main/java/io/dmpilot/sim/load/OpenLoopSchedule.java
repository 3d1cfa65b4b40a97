package io.dmpilot.sim.load;

import java.util.List;

/**
 * When each message of a run is due, fixed in advance (open loop): message {@code i} of a step at {@code r}
 * messages/s is due {@code i / r} seconds into the step, whether or not the system kept up. Latency is measured
 * from this due time, so a stalled pipeline shows up in the histogram instead of silently slowing the sender
 * (coordinated omission).
 */
public final class OpenLoopSchedule {
    private final List<Integer> rates;
    private final int stepSeconds;
    private final long[] firstOfStep;

    public OpenLoopSchedule(List<Integer> rates, int stepSeconds) {
        this.rates = List.copyOf(rates);
        this.stepSeconds = stepSeconds;
        this.firstOfStep = new long[rates.size() + 1];
        for (int step = 0; step < rates.size(); step++) {
            firstOfStep[step + 1] = firstOfStep[step] + (long) rates.get(step) * stepSeconds;
        }
    }

    public long size() {
        return firstOfStep[rates.size()];
    }

    public int steps() {
        return rates.size();
    }

    public int rateOf(int step) {
        return rates.get(step);
    }

    /** The step that message {@code index} belongs to. */
    public int stepOf(long index) {
        for (int step = 0; step < rates.size(); step++) {
            if (index < firstOfStep[step + 1]) return step;
        }
        throw new IndexOutOfBoundsException("message " + index + " of " + size());
    }

    /** Nanoseconds from the start of the run at which message {@code index} is due. */
    public long dueNanos(long index) {
        int step = stepOf(index);
        long inStep = index - firstOfStep[step];
        long stepStart = (long) step * stepSeconds * 1_000_000_000L;
        return stepStart + inStep * 1_000_000_000L / rates.get(step);
    }
}
