package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.LexiconCategory;

public record LexiconTerm(LexiconCategory category, String term) {}
