package io.dmpilot.sim.load;

import io.dmpilot.contracts.Tier;
import java.util.Map;

/** A finished (or running) load run as Markdown tables, for docs/BENCHMARKS.md and the bench script's report. */
public final class LoadReport {
    private LoadReport() {}

    public static String markdown(LoadStatus status) {
        StringBuilder md = new StringBuilder();
        LoadPlan plan = status.plan();
        md.append("### Load run ")
                .append(status.id())
                .append(" — ")
                .append(status.phase())
                .append("\n\n");
        md.append(String.format(
                "%d accounts (%d%% ADVANCED, %d%% CUSTOM, %d%% answering with a banned term), %d users each, "
                        + "%d messages per conversation; rates %s msg/s for %d s each; typing pause as the "
                        + "platform runs it.%n%n",
                plan.accounts(),
                plan.advancedPercent(),
                plan.customPercent(),
                plan.blockedAccountsPercent(),
                plan.usersPerAccount(),
                plan.messagesPerConversation(),
                plan.rates(),
                plan.stepSeconds()));
        md.append("| rate msg/s | replies | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | mean ms "
                + "| generator late ms | worst consumer lag |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LoadStatus.StepFigures step : status.steps()) {
            md.append(String.format(
                    "| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                    step.rate(),
                    step.replies(),
                    step.p50Ms(),
                    step.p90Ms(),
                    step.p99Ms(),
                    step.p999Ms(),
                    step.maxMs(),
                    step.meanMs(),
                    step.maxFiringLagMs(),
                    worst(step.maxConsumerLag())));
        }
        md.append("\nWebhook answers: ").append(inline(status.webhookResults())).append("  \n");
        md.append("Terminal outcomes: ").append(inline(status.outcomes())).append("  \n");
        md.append("Hostile requests (")
                .append(status.hostileRequests())
                .append("), by kind → answer: ")
                .append(inline(status.hostileResults()))
                .append("  \n");
        LoadStatus.Check check = status.check();
        md.append(String.format(
                "Check: %d accepted, %d without a terminal outcome, %d with several, %d replies sent twice, "
                        + "%d hostile requests answered 5xx or not at all, %d refused ones with an outcome, "
                        + "%d accounts over their tier's replies per minute (busiest minute by admission: %s), "
                        + "%d replies sent without a quota admission → %s%n",
                check.accepted(),
                check.withoutOutcome(),
                check.withSeveralOutcomes(),
                check.duplicateSends(),
                check.hostileServerErrors(),
                check.hostileLeaked(),
                check.accountsOverQuota(),
                busiest(check.busiestMinuteByTier()),
                check.sentWithoutAdmission(),
                check.passed() ? "**passed**" : "**FAILED**"));
        if (status.error() != null)
            md.append("\nError: `").append(status.error()).append("`\n");
        return md.toString();
    }

    private static String busiest(Map<Tier, Integer> byTier) {
        if (byTier.isEmpty()) return "no replies";
        StringBuilder line = new StringBuilder();
        byTier.forEach((tier, replies) -> line.append(line.isEmpty() ? "" : ", ")
                .append(tier)
                .append(' ')
                .append(replies)
                .append('/')
                .append(tier.repliesPerMinute()));
        return line.toString();
    }

    private static String worst(Map<String, Long> lagByGroup) {
        return lagByGroup.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " " + e.getValue())
                .orElse("–");
    }

    private static String inline(Map<String, Long> counts) {
        if (counts.isEmpty()) return "none";
        StringBuilder line = new StringBuilder();
        new java.util.TreeMap<>(counts)
                .forEach((key, n) -> line.append(line.isEmpty() ? "" : ", ")
                        .append(key)
                        .append(' ')
                        .append(n));
        return line.toString();
    }
}
