package io.dmpilot.compliance.lexicon;

import java.util.Arrays;

/**
 * Text reduced to what a reader sees, so evasions match: full-width → half-width, lower case, traditional →
 * simplified, Chinese/circled/emoji digits → digits, {@code +}/➕ → 加, common homophones (威信 → 微信, 扣扣 →
 * qq), and separators, punctuation and emoji dropped (最​便-宜 reads 最便宜). Keeps, for every kept character,
 * its offset in the original text, so findings point at what the operator wrote, and whether a dot or a
 * space was dropped just before it (domains and word boundaries need both).
 */
public final class NormalizedText {
    /** A dot-like character (. 。 ．) was dropped just before this character. */
    public static final byte DOT_BEFORE = 1;
    /** Whitespace was dropped just before this character. */
    public static final byte SPACE_BEFORE = 2;

    private final char[] text;
    private final int length;
    private final int[] originalStart;
    private final int[] originalEnd;
    private final byte[] flags;

    private NormalizedText(char[] text, int length, int[] originalStart, int[] originalEnd, byte[] flags) {
        this.text = text;
        this.length = length;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.flags = flags;
    }

    public static NormalizedText of(String original) {
        Builder out = new Builder(original.length());
        int i = 0;
        while (i < original.length()) {
            char c = original.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < original.length()) {
                int cp = original.codePointAt(i);
                out.appendFolded(CharFolding.foldSupplementary(cp), i, i + 2);
                i += 2;
                continue;
            }
            char folded = CharFolding.fold(c);
            if (folded == CharFolding.EXPAND) {
                out.appendFolded(CharFolding.expand(c), i, i + 1);
            } else {
                out.append(folded, i, i + 1);
            }
            i++;
        }
        Homophones.fold(out.text, out.length);
        return new NormalizedText(out.text, out.length, out.starts, out.ends, out.flags);
    }

    public String text() {
        return new String(text, 0, length);
    }

    /** The normalized characters; only the first {@link #length()} are meaningful. */
    public char[] chars() {
        return text;
    }

    public int length() {
        return length;
    }

    public char charAt(int index) {
        return text[index];
    }

    public boolean has(int index, byte flag) {
        return (flags[index] & flag) != 0;
    }

    public int originalStart(int normalizedIndex) {
        return originalStart[normalizedIndex];
    }

    public int originalEnd(int normalizedIndexInclusive) {
        return originalEnd[normalizedIndexInclusive];
    }

    /** Appends folded characters with their original offsets and the separators dropped before them. */
    private static final class Builder {
        char[] text;
        int[] starts;
        int[] ends;
        byte[] flags;
        int length;
        byte pending;

        Builder(int capacity) {
            int size = Math.max(16, capacity + capacity / 4);
            text = new char[size];
            starts = new int[size];
            ends = new int[size];
            flags = new byte[size];
        }

        void append(char folded, int start, int end) {
            if (folded == CharFolding.SEPARATOR) return;
            if (folded == CharFolding.DOT) {
                pending |= DOT_BEFORE;
                return;
            }
            if (folded == CharFolding.SPACE) {
                pending |= SPACE_BEFORE;
                return;
            }
            if (length == text.length) grow();
            text[length] = folded;
            starts[length] = start;
            ends[length] = end;
            flags[length] = pending;
            pending = 0;
            length++;
        }

        void appendFolded(String folded, int start, int end) {
            for (int k = 0; k < folded.length(); k++) {
                append(folded.charAt(k), start, end);
            }
        }

        private void grow() {
            int size = text.length * 2;
            text = Arrays.copyOf(text, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            flags = Arrays.copyOf(flags, size);
        }
    }
}
