package io.dmpilot.rules.engine;

/** How a keyword rule's keywords must appear in a message (DESIGN §4). */
public enum MatchMode {
    /** The message contains the one keyword phrase. */
    CONTAINS,
    /** The whole message (normalized) is one of the keywords: 在吗, 你好. */
    EXACT,
    /** Every keyword appears, in any order. */
    ALL_OF,
    /** At least one keyword appears. */
    ANY_OF,
    /** The one keyword is a Java regular expression, searched in the folded message. */
    REGEX
}
