package io.dmpilot.compliance.account;

import io.dmpilot.contracts.HandoffReason;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What compliance lets one account do: the regulated categories it is qualified for ({@code medical},
 * {@code finance} …: their terms stop blocking its replies) and which inbound signals hand its conversations
 * to a human. An account nobody configured holds no qualification and hands off on every signal.
 */
public record AccountPolicy(Set<String> qualifications, Set<HandoffReason> handoffReasons) {
    /** Lower-case letters, digits and dashes: how a qualification is written in policies and lexicon entries. */
    public static final Pattern QUALIFICATION = Pattern.compile("[a-z0-9-]{1,32}");

    public static final Set<HandoffReason> SCREENED =
            EnumSet.of(HandoffReason.CRISIS, HandoffReason.HARASSMENT, HandoffReason.COMPLAINT);

    public static final AccountPolicy DEFAULT = new AccountPolicy(Set.of(), SCREENED);

    public AccountPolicy {
        qualifications = Set.copyOf(qualifications);
        handoffReasons = handoffReasons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(handoffReasons));
    }

    public boolean holds(String qualification) {
        return qualifications.contains(qualification);
    }

    public boolean handsOff(HandoffReason reason) {
        return handoffReasons.contains(reason);
    }
}
