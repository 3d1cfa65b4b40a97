package io.dmpilot.sim.load;

import io.dmpilot.contracts.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A run as an operator reads it: where it is, how far, the latency percentiles of each rate step and the
 * loss check — every accepted message has exactly one terminal outcome, no reply went out twice and no account
 * received more replies in a minute than its tier allows.
 */
public record LoadStatus(
        String id,
        LoadRun.Phase phase,
        LoadPlan plan,
        int accountsReady,
        long messagesDue,
        long messagesFired,
        long webhooksAnswered,
        Map<String, Long> webhookResults,
        Map<String, Long> outcomes,
        long hostileRequests,
        Map<String, Long> hostileResults,
        List<StepFigures> steps,
        Check check,
        String error,
        Instant startedAt,
        Instant finishedAt) {

    /** Latency due→send in milliseconds; {@code maxFiringLagMs} shows whether the generator itself kept up. */
    public record StepFigures(
            int rate,
            long replies,
            double p50Ms,
            double p90Ms,
            double p99Ms,
            double p999Ms,
            double maxMs,
            double meanMs,
            double maxFiringLagMs,
            Map<String, Long> maxConsumerLag) {}

    /**
     * {@code hostileServerErrors}: hostile requests answered 5xx or not at all; {@code hostileLeaked}: outcomes of
     * ones refused; {@code accountsOverQuota}: accounts with more replies of a tier admitted within a minute than the
     * tier allows, beside the most an account of each tier had admitted in a minute; {@code sentWithoutAdmission}:
     * replies that reached the send API with no quota admission in their outcome.
     */
    public record Check(
            long accepted,
            long withoutOutcome,
            long withSeveralOutcomes,
            long duplicateSends,
            long hostileServerErrors,
            long hostileLeaked,
            long accountsOverQuota,
            Map<Tier, Integer> busiestMinuteByTier,
            long sentWithoutAdmission,
            boolean passed) {}

    static LoadStatus of(LoadRun run) {
        RunTally tally = run.tally();
        List<StepFigures> steps = new ArrayList<>();
        for (int step = 0; step < run.schedule().steps(); step++) {
            steps.add(figures(
                    run.schedule().rateOf(step), tally.latency(step), run.maxFiringLagNanos(step), run.maxLag(step)));
        }
        Map<String, Long> webhooks = tally.webhookResults();
        long withoutOutcome = tally.withoutOutcome();
        long several = tally.withSeveralOutcomes();
        long duplicates = tally.duplicateSends();
        long hostileErrors = tally.hostileServerErrors();
        long leaked = tally.hostileLeaked();
        long overQuota = tally.quotas().accountsOverQuota();
        long unadmitted = tally.quotas().sentWithoutAdmission();
        boolean allAccepted =
                webhooks.keySet().stream().allMatch(result -> result.equals("accepted") || result.equals("duplicate"));
        boolean passed = run.phase() == LoadRun.Phase.DONE
                && allAccepted
                && tally.accepted() == run.schedule().size()
                && withoutOutcome == 0
                && several == 0
                && duplicates == 0
                && hostileErrors == 0
                && leaked == 0
                && overQuota == 0
                && unadmitted == 0;
        return new LoadStatus(
                run.id(),
                run.phase(),
                run.plan(),
                run.accountsReady(),
                run.schedule().size(),
                run.fired(),
                run.answered(),
                webhooks,
                tally.outcomes(),
                run.hostileFired(),
                tally.hostileResults(),
                steps,
                new Check(
                        tally.accepted(),
                        withoutOutcome,
                        several,
                        duplicates,
                        hostileErrors,
                        leaked,
                        overQuota,
                        tally.quotas().busiestMinute(),
                        unadmitted,
                        passed),
                run.error(),
                run.startedAt(),
                run.finishedAt());
    }

    private static StepFigures figures(
            int rate, Histogram micros, long maxFiringLagNanos, Map<String, Long> maxConsumerLag) {
        return new StepFigures(
                rate,
                micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()),
                Math.round(micros.getMean()) / 1_000.0,
                maxFiringLagNanos / 1_000 / 1_000.0,
                maxConsumerLag);
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }
}
