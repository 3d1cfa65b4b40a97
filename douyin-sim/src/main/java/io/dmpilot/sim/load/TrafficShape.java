package io.dmpilot.sim.load;

import io.dmpilot.contracts.Tier;

/**
 * Who writes message {@code i} of a run, fixed by the plan alone so two runs of one plan send the same
 * traffic. Users take turns across all accounts (slot = i mod accounts×users), so one conversation's
 * messages are spread over the run, and after {@code messagesPerConversation} turns a new user takes the
 * slot: a fresh conversation, whose first message is a new follower's.
 */
public final class TrafficShape {
    /** 37 is coprime with 100: account indexes 0, 1, 2… land on well-spread percent buckets. */
    private static final int SPREAD = 37;

    private final String prefix;
    private final LoadPlan plan;
    private final long slots;

    public TrafficShape(String prefix, LoadPlan plan) {
        this.prefix = prefix;
        this.plan = plan;
        this.slots = (long) plan.accounts() * plan.usersPerAccount();
    }

    public record Sender(String accountOpenId, String userOpenId, String conversationId) {}

    public Sender senderOf(long index) {
        long slot = index % slots;
        long generation = index / slots / plan.messagesPerConversation();
        int account = (int) (slot % plan.accounts());
        return new Sender(
                accountOpenId(account),
                prefix + "-u" + slot + "-" + generation,
                prefix + "-c" + slot + "-" + generation);
    }

    public String accountOpenId(int account) {
        return prefix + "-a" + account;
    }

    public String prefix() {
        return prefix;
    }

    public Tier tierOf(int account) {
        int bucket = bucketOf(account);
        if (bucket < plan.advancedPercent()) return Tier.ADVANCED;
        if (bucket < plan.advancedPercent() + plan.customPercent()) return Tier.CUSTOM;
        return Tier.BASIC;
    }

    /** BASIC accounts from the top buckets down answer with a banned term, so compliance must block them. */
    public boolean answersWithBannedTerm(int account) {
        return tierOf(account) == Tier.BASIC && bucketOf(account) >= 100 - plan.blockedAccountsPercent();
    }

    private static int bucketOf(int account) {
        return (int) ((long) account * SPREAD % 100);
    }
}
