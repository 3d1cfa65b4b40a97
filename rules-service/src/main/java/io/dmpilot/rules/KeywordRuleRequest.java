package io.dmpilot.rules;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.rules.engine.MatchMode;
import io.dmpilot.rules.engine.NormalizedMessage;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Body of {@code POST/PUT /accounts/{openId}/rules}. Enums arrive as strings so a wrong value is a 400 that
 * names its field rather than a bare JSON error.
 */
public record KeywordRuleRequest(
        Integer priority,
        String matchMode,
        List<String> keywords,
        List<String> exclusions,
        String scenario,
        String templateText,
        Boolean enabled) {
    static final int MAX_WORDS = 50;
    static final int MAX_WORD_LENGTH = 100;
    static final int MAX_PRIORITY = 10_000;

    /** Checks every field and writes them into {@code rule}. */
    void applyTo(KeywordRule rule) {
        MatchMode mode = parse(MatchMode.class, "matchMode", matchMode);
        rule.priority = validPriority();
        rule.matchMode = mode;
        rule.keywords = keywords(mode);
        rule.exclusions = words("exclusions", exclusions == null ? List.of() : exclusions, false);
        rule.scenario = parse(Scenario.class, "scenario", scenario);
        rule.templateText = validTemplateText();
        rule.enabled = enabled == null || enabled;
        rule.disabledReason = null;
    }

    private int validPriority() {
        int value = priority == null ? 0 : priority;
        if (value < 0 || value > MAX_PRIORITY) {
            throw ProblemException.invalidField("priority", "priority must be between 0 and " + MAX_PRIORITY);
        }
        return value;
    }

    private List<String> keywords(MatchMode mode) {
        if (keywords == null || keywords.isEmpty()) {
            throw ProblemException.invalidField("keywords", "at least one keyword is required");
        }
        List<String> words = words("keywords", keywords, mode == MatchMode.REGEX);
        if ((mode == MatchMode.CONTAINS || mode == MatchMode.REGEX) && words.size() != 1) {
            throw ProblemException.invalidField("keywords", mode + " takes exactly one keyword");
        }
        if (mode == MatchMode.REGEX) compile(words.get(0));
        return words;
    }

    private static List<String> words(String field, List<String> words, boolean regex) {
        if (words.size() > MAX_WORDS) {
            throw ProblemException.invalidField(field, field + " holds more than " + MAX_WORDS + " entries");
        }
        for (String word : words) {
            if (word == null || word.isBlank() || word.length() > MAX_WORD_LENGTH || word.contains("\n")) {
                throw ProblemException.invalidField(
                        field, field + " entries must be 1–" + MAX_WORD_LENGTH + " characters on one line");
            }
            if (!regex && NormalizedMessage.keyword(word).isEmpty()) {
                throw ProblemException.invalidField(field, "'" + word + "' is only punctuation and never matches");
            }
        }
        return List.copyOf(words);
    }

    private static void compile(String expression) {
        try {
            Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw ProblemException.invalidField("keywords", "not a valid regular expression: " + e.getDescription());
        }
    }

    private String validTemplateText() {
        if (templateText == null) return null;
        AccountRequest.requireText("templateText", templateText, 2000);
        return templateText;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) throw ProblemException.invalidField(field, field + " is required");
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "unknown " + field + " " + value);
        }
    }
}
