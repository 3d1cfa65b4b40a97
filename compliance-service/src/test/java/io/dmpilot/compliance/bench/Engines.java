package io.dmpilot.compliance.bench;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.ignore.SensitiveWordCharIgnores;
import io.dmpilot.compliance.lexicon.LexiconLoader;
import io.dmpilot.compliance.lexicon.LexiconMatcher;
import io.dmpilot.compliance.lexicon.LexiconTerm;
import io.dmpilot.contracts.LexiconCategory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Both engines over one dictionary, each with every evasion option it has turned on. */
public final class Engines {
    /** Our seed lexicon plus sensitive-word 0.25.0's bundled dictionary (64 418 words, Apache-2.0). */
    public static List<String> dictionary() {
        Set<String> words = new LinkedHashSet<>();
        LexiconLoader.fromClasspath("lexicon/default.tsv").forEach(t -> words.add(t.term()));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Engines.class.getClassLoader().getResourceAsStream("sensitive_word_dict.txt"),
                StandardCharsets.UTF_8))) {
            in.lines().map(String::trim).filter(w -> !w.isEmpty()).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(words);
    }

    public static LexiconMatcher ours(List<String> dictionary) {
        return new LexiconMatcher(dictionary.stream()
                .map(w -> new LexiconTerm(LexiconCategory.HARASSMENT, w))
                .toList());
    }

    /** Theirs with all its evasion handling: case, width, digit style, traditional, English style, special chars. */
    public static SensitiveWordBs theirs(List<String> dictionary) {
        return SensitiveWordBs.newInstance()
                .wordDeny(() -> dictionary)
                .wordAllow(List::of)
                .ignoreCase(true)
                .ignoreWidth(true)
                .ignoreNumStyle(true)
                .ignoreChineseStyle(true)
                .ignoreEnglishStyle(true)
                .ignoreRepeat(false)
                .enableWordCheck(true)
                .enableNumCheck(true)
                .enableUrlCheck(true)
                .enableEmailCheck(true)
                .charIgnore(SensitiveWordCharIgnores.specialChars())
                .init();
    }

    private Engines() {}
}
