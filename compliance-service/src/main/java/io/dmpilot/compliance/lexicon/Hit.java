package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.Finding;

/** A finding with the lexicon entry (or contact pattern) that produced it, for the verdict policy. */
public record Hit(LexiconTerm term, Finding finding) {}
