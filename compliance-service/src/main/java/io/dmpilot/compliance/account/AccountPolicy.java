package io.dmpilot.compliance.account;

import io.dmpilot.contracts.HandoffReason;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What compliance lets one account do: the regulated categories it is qualified for ({@code medical},
 * {@code finance} …: their terms stop blocking its replies) and which inbound signals hand its conversations
 * to a human. An account nobody configured holds no qualification and hands off on every signal.
 *
 * @param crisisReply when set, a crisis signal switches the conversation to the crisis scenario instead of
 *     handing it off: this reply (say, a help line) answers that message and every later one in the
 *     conversation for the crisis window; null: crisis signals follow {@code handoffReasons}
 */
public record AccountPolicy(Set<String> qualifications, Set<HandoffReason> handoffReasons, String crisisReply) {
    public static final int CRISIS_REPLY_MAX = 500;

    /** Lower-case letters, digits and dashes: how a qualification is written in policies and lexicon entries. */
    public static final Pattern QUALIFICATION = Pattern.compile("[a-z0-9-]{1,32}");

    public static final Set<HandoffReason> SCREENED =
            EnumSet.of(HandoffReason.CRISIS, HandoffReason.HARASSMENT, HandoffReason.COMPLAINT);

    public static final AccountPolicy DEFAULT = new AccountPolicy(Set.of(), SCREENED, null);

    public AccountPolicy {
        qualifications = Set.copyOf(qualifications);
        handoffReasons = handoffReasons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(handoffReasons));
    }

    public boolean holds(String qualification) {
        return qualifications.contains(qualification);
    }

    /** A crisis switched to the crisis scenario is answered, not handed off. */
    public boolean handsOff(HandoffReason reason) {
        return !(reason == HandoffReason.CRISIS && switchesOnCrisis()) && handoffReasons.contains(reason);
    }

    public boolean switchesOnCrisis() {
        return crisisReply != null;
    }
}
