package io.dmpilot.contracts;

/** One lexicon hit: the term matched and where it stands in the original (not normalized) text. */
public record Finding(LexiconCategory category, String term, int start, int end) {}
