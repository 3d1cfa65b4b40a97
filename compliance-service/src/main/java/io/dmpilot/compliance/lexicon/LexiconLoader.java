package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.LexiconCategory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code CATEGORY[/qualification]<TAB>term[<TAB>substitute]} lines ({@code REGULATED/medical<TAB>根治});
 * {@code #} starts a comment.
 */
public final class LexiconLoader {
    public static List<LexiconTerm> fromClasspath(String resource) {
        InputStream in = LexiconLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lexicon " + resource + " is not on the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<LexiconTerm> terms = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t", 3);
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalStateException(resource + ":" + number + " is not CATEGORY<TAB>term");
                }
                String substitute = parts.length == 3 && !parts[2].isBlank() ? parts[2].trim() : null;
                String[] category = parts[0].trim().split("/", 2);
                String qualification = category.length == 2 ? category[1] : null;
                terms.add(new LexiconTerm(
                        LexiconCategory.valueOf(category[0]), parts[1].trim(), substitute, qualification));
            }
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LexiconLoader() {}
}
