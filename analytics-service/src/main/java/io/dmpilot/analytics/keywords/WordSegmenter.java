package io.dmpilot.analytics.keywords;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inbound text → the words worth counting. jieba (its built-in dictionary and HMM for unknown words) does
 * the segmentation; what it returns is then cleaned: stop words, punctuation, numbers and emoji are dropped,
 * Latin words are lower-cased. Thread-safe: jieba's segmenter keeps no per-call state.
 */
public class WordSegmenter {
    /** The width of the word column; a longer "word" is noise (a pasted URL, a run of letters). */
    public static final int MAX_WORD_LENGTH = 64;

    private static final String STOP_WORDS = "/io/dmpilot/analytics/keywords/stopwords-zh.txt";

    private final JiebaSegmenter jieba = new JiebaSegmenter();
    private final Set<String> stopWords;

    public WordSegmenter() {
        this.stopWords = loadStopWords();
    }

    public List<String> words(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<String> words = new ArrayList<>();
        for (SegToken token : jieba.process(text, JiebaSegmenter.SegMode.SEARCH)) {
            String word = token.word.strip().toLowerCase(Locale.ROOT);
            if (countable(word)) words.add(word);
        }
        return words;
    }

    private boolean countable(String word) {
        return !word.isEmpty()
                && word.length() <= MAX_WORD_LENGTH
                && !stopWords.contains(word)
                && word.codePoints().anyMatch(WordSegmenter::wordCharacter);
    }

    /** A letter of any script (Han counts as letters); digits, punctuation, symbols and emoji are not. */
    private static boolean wordCharacter(int codePoint) {
        return Character.isLetter(codePoint);
    }

    private static Set<String> loadStopWords() {
        try (InputStream in = WordSegmenter.class.getResourceAsStream(STOP_WORDS)) {
            if (in == null) throw new IllegalStateException("missing " + STOP_WORDS);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
