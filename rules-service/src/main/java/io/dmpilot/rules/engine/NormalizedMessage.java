package io.dmpilot.rules.engine;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A message as the keyword engine reads it. {@code folded}: NFKC (full-width → half-width, circled digits →
 * digits) and lower case, for regular expressions. {@code compact}: folded without whitespace, punctuation and
 * symbols, for keywords, so 多 少 钱？ and 多少钱 read the same.
 */
public record NormalizedMessage(String folded, String compact) {
    public static NormalizedMessage of(String text) {
        String folded = fold(text == null ? "" : text);
        return new NormalizedMessage(folded, compact(folded));
    }

    /** The form keywords and exclusions are stored in, so both sides of a comparison are normalized alike. */
    public static String keyword(String keyword) {
        return compact(fold(keyword));
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static String compact(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(cp -> !isSeparator(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isSeparator(int cp) {
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
                    Character.FORMAT -> true;
            default -> false;
        };
    }
}
