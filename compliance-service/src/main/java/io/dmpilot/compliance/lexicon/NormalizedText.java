package io.dmpilot.compliance.lexicon;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text reduced to what a reader sees, so evasions match: full-width → half-width and circled digits → digits
 * (NFKC), lower case, and separators, punctuation and emoji dropped (最​便-宜 reads 最便宜). Keeps, for
 * every kept character, its offset in the original text, so findings point at what the operator wrote.
 */
public final class NormalizedText {
    private final String text;
    private final int[] originalStart;
    private final int[] originalEnd;

    private NormalizedText(String text, int[] originalStart, int[] originalEnd) {
        this.text = text;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
    }

    public static NormalizedText of(String original) {
        StringBuilder out = new StringBuilder(original.length());
        int[] starts = new int[original.length() * 2 + 1];
        int[] ends = new int[original.length() * 2 + 1];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!isSeparator(cp)) {
                String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
                        .toLowerCase(Locale.ROOT);
                for (int k = 0; k < folded.length(); k++) {
                    char c = folded.charAt(k);
                    if (isSeparator(c)) continue;
                    if (out.length() >= starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[out.length()] = i;
                    ends[out.length()] = next;
                    out.append(c);
                }
            }
            i = next;
        }
        return new NormalizedText(out.toString(), starts, ends);
    }

    /** Whitespace, punctuation, symbols (emoji, ★, ❤) and invisible format characters separate nothing. */
    static boolean isSeparator(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return true;
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL,
                    Character.FORMAT,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    public String text() {
        return text;
    }

    public int originalStart(int normalizedIndex) {
        return originalStart[normalizedIndex];
    }

    public int originalEnd(int normalizedIndexInclusive) {
        return originalEnd[normalizedIndexInclusive];
    }
}
