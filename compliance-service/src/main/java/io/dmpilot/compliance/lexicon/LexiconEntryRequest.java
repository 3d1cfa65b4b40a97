package io.dmpilot.compliance.lexicon;

import io.dmpilot.compliance.account.AccountPolicy;
import io.dmpilot.contracts.LexiconCategory;
import io.dmpilot.kit.ProblemException;

/**
 * A term as an operator submits it.
 *
 * @param agencyId null for the global lexicon, else the agency (tenant) whose accounts it applies to
 * @param qualification REGULATED only: what lets an account use the term ({@code medical}, {@code finance} …);
 *     absent, only accounts holding the blanket {@code regulated} may
 */
public record LexiconEntryRequest(
        String agencyId, String category, String term, String substitute, String qualification) {
    public LexiconEntryRequest(String agencyId, String category, String term, String substitute) {
        this(agencyId, category, term, substitute, null);
    }

    static final int MAX_LENGTH = 64;

    public void validate() {
        if (category == null) throw ProblemException.invalidField("category", "category is required");
        parsedCategory();
        if (term == null || term.isBlank()) throw ProblemException.invalidField("term", "term is required");
        if (term.length() > MAX_LENGTH) {
            throw ProblemException.invalidField("term", "term is longer than " + MAX_LENGTH + " characters");
        }
        if (NormalizedText.of(term).length() < 2) {
            // one character (退, 最) would match everyday words in every reply
            throw ProblemException.invalidField("term", "term must keep at least 2 characters once normalized");
        }
        if (substitute != null && substitute.length() > MAX_LENGTH) {
            throw ProblemException.invalidField(
                    "substitute", "substitute is longer than " + MAX_LENGTH + " characters");
        }
        if (substitute != null && parsedCategory() != LexiconCategory.EXTREME_ADVERTISING) {
            throw ProblemException.invalidField("substitute", "only extreme-advertising terms can be rewritten");
        }
        if (qualification != null && parsedCategory() != LexiconCategory.REGULATED) {
            throw ProblemException.invalidField("qualification", "only regulated terms take a qualification");
        }
        if (qualification != null
                && !AccountPolicy.QUALIFICATION.matcher(qualification).matches()) {
            throw ProblemException.invalidField("qualification", "a qualification is 1–32 of a-z, 0-9 and '-'");
        }
        if (agencyId != null
                && (agencyId.isBlank() || agencyId.length() > 128 || LexiconEntry.GLOBAL.equals(agencyId))) {
            throw ProblemException.invalidField("agencyId", "agencyId must be 1–128 characters, or absent for global");
        }
    }

    public LexiconCategory parsedCategory() {
        try {
            return LexiconCategory.valueOf(category.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("category", "unknown category " + category);
        }
    }

    public String scope() {
        return agencyId == null ? LexiconEntry.GLOBAL : agencyId;
    }

    public String normalized() {
        return NormalizedText.of(term.trim()).text();
    }
}
