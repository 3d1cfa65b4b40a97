package io.dmpilot.compliance.ledger;

import io.dmpilot.contracts.LexiconCategory;

/**
 * The platform's penalty ladder per offence, as operators know it: 外链导流 turns the DM feature off 7 days,
 * then 30; 虚假宣传 (extreme advertising, unqualified regulated claims) warns, then demotes; 骚扰用户 limits,
 * then bans. The ledger counts what compliance caught, so this is what the account would have drawn.
 */
public final class PenaltyTable {
    public enum Penalty {
        NONE(0),
        WARNING(1),
        FEATURE_OFF_7_DAYS(2),
        LIMIT(2),
        DEMOTION(3),
        FEATURE_OFF_30_DAYS(3),
        BAN(4);

        final int severity;

        Penalty(int severity) {
            this.severity = severity;
        }

        public int severity() {
            return severity;
        }
    }

    public enum Risk {
        NONE,
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL
    }

    private PenaltyTable() {}

    public static String offence(LexiconCategory category) {
        return switch (category) {
            case DIVERSION -> "外链导流";
            case EXTREME_ADVERTISING, REGULATED -> "虚假宣传";
            case HARASSMENT -> "骚扰用户";
        };
    }

    /** The penalty the {@code count}-th offence of a category draws (0: none yet). */
    public static Penalty penaltyAt(LexiconCategory category, long count) {
        if (count <= 0) return Penalty.NONE;
        boolean first = count == 1;
        return switch (category) {
            case DIVERSION -> first ? Penalty.FEATURE_OFF_7_DAYS : Penalty.FEATURE_OFF_30_DAYS;
            case EXTREME_ADVERTISING, REGULATED -> first ? Penalty.WARNING : Penalty.DEMOTION;
            case HARASSMENT -> first ? Penalty.LIMIT : Penalty.BAN;
        };
    }

    public static Risk riskOf(Penalty worst) {
        return Risk.values()[worst.severity];
    }
}
