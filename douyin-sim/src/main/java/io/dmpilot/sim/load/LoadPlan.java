package io.dmpilot.sim.load;

import io.dmpilot.kit.ProblemException;
import java.util.List;

/**
 * One load run: {@code accounts} accounts (a tier mix in percent, the rest BASIC), {@code usersPerAccount}
 * users writing to each, at each rate of {@code rates} (messages per second) for {@code stepSeconds}, on an
 * open-loop schedule. A user writes {@code messagesPerConversation} messages before a new user takes the slot,
 * so conversations stay under the 3-in-a-row cap and the run measures replies, not hand-offs.
 *
 * @param blockedAccountsPercent accounts whose fixed reply holds a banned term: their replies must end BLOCKED
 * @param hostilePercent besides the plan's messages, this many hostile requests per hundred (malformed,
 *     oversized, unsigned or wrongly signed bodies, replays of messages already accepted): each must be answered
 *     4xx (a replay 200 "duplicate") and none may produce an outcome
 * @param drainSeconds how long to wait after the last message for every terminal outcome
 */
public record LoadPlan(
        Integer accounts,
        Integer usersPerAccount,
        List<Integer> rates,
        Integer stepSeconds,
        Integer advancedPercent,
        Integer customPercent,
        Integer blockedAccountsPercent,
        Integer messagesPerConversation,
        Integer hostilePercent,
        Integer drainSeconds,
        Long seed) {

    static final int MAX_ACCOUNTS = 10_000;
    static final int MAX_RATE = 5_000;

    /** The plan with every missing field at its default: a one-minute smoke at 50 msg/s over 20 accounts. */
    public LoadPlan withDefaults() {
        return new LoadPlan(
                or(accounts, 20),
                or(usersPerAccount, 50),
                rates == null || rates.isEmpty() ? List.of(50) : List.copyOf(rates),
                or(stepSeconds, 20),
                or(advancedPercent, 30),
                or(customPercent, 10),
                or(blockedAccountsPercent, 5),
                or(messagesPerConversation, 2),
                or(hostilePercent, 5),
                or(drainSeconds, 60),
                seed == null ? 42L : seed);
    }

    /** Validates a plan with defaults applied; a bad field is a 400 naming it. */
    public LoadPlan validated() {
        LoadPlan plan = withDefaults();
        within("accounts", plan.accounts, 1, MAX_ACCOUNTS);
        within("usersPerAccount", plan.usersPerAccount, 1, 100_000);
        within("stepSeconds", plan.stepSeconds, 1, 3_600);
        within("advancedPercent", plan.advancedPercent, 0, 100);
        within("customPercent", plan.customPercent, 0, 100);
        within("blockedAccountsPercent", plan.blockedAccountsPercent, 0, 100);
        within("messagesPerConversation", plan.messagesPerConversation, 1, 3);
        within("hostilePercent", plan.hostilePercent, 0, 100);
        within("drainSeconds", plan.drainSeconds, 1, 3_600);
        if (plan.advancedPercent + plan.customPercent > 100) {
            throw ProblemException.invalidField("customPercent", "advancedPercent + customPercent exceed 100");
        }
        if (plan.rates.size() > 20) {
            throw ProblemException.invalidField("rates", "at most 20 rate steps");
        }
        for (Integer rate : plan.rates) {
            if (rate == null) throw ProblemException.invalidField("rates", "rates must not hold null");
            within("rates", rate, 1, MAX_RATE);
        }
        return plan;
    }

    public long totalMessages() {
        return rates.stream().mapToLong(rate -> (long) rate * stepSeconds).sum();
    }

    private static void within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ProblemException.invalidField(field, field + " must be between " + min + " and " + max);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
