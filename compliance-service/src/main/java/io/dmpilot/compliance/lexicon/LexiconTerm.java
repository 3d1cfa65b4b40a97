package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.LexiconCategory;

/**
 * One lexicon entry.
 *
 * @param substitute what a REWRITTEN reply says instead (最低价 → 超值价), or null when the term can only block
 */
public record LexiconTerm(LexiconCategory category, String term, String substitute) {
    public LexiconTerm(LexiconCategory category, String term) {
        this(category, term, null);
    }
}
