package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.LexiconCategory;

/**
 * One lexicon entry.
 *
 * @param substitute what a REWRITTEN reply says instead (最低价 → 超值价), {@link #MASK} to mask it (全网第一 →
 *     全网**), or null when the term can only block
 * @param qualification for a REGULATED term, the qualification that lets an account use it ({@code medical},
 *     {@code finance} …); null elsewhere
 */
public record LexiconTerm(LexiconCategory category, String term, String substitute, String qualification) {
    /** What a REGULATED term written without a qualification requires: a blanket qualification for all of them. */
    public static final String ANY_REGULATED = "regulated";

    /** The substitute that masks the term as written, one * per character, instead of replacing it. */
    public static final String MASK = "*";

    public LexiconTerm(LexiconCategory category, String term, String substitute) {
        this(category, term, substitute, null);
    }

    public LexiconTerm(LexiconCategory category, String term) {
        this(category, term, null, null);
    }

    /** The qualification an account needs to use this term, or null when no qualification makes it allowed. */
    public String requiredQualification() {
        if (category != LexiconCategory.REGULATED) return null;
        return qualification == null ? ANY_REGULATED : qualification;
    }
}
