package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.HandoffReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Crisis, harassment and complaint signals in a user's message, found in one pass of the lexicon's
 * automaton over the same normalization, so 不 想 活 了 and 投-诉 count. A signal inside an allowed phrase (想死你了)
 * is ignored; of several, the most urgent reason wins (CRISIS, then HARASSMENT, then COMPLAINT). Immutable.
 */
public final class InboundSignals {
    /** The strongest signal found, with its span in the original text. */
    public record Signal(HandoffReason reason, String phrase, int start, int end) {}

    private static final List<HandoffReason> URGENCY =
            List.of(HandoffReason.CRISIS, HandoffReason.HARASSMENT, HandoffReason.COMPLAINT);

    private final LexiconAutomaton automaton;
    /** Per pattern: its reason, or null for an allowed phrase. */
    private final HandoffReason[] reasons;

    /** @param phrases phrase → reason, or phrase → null for an allowed phrase */
    public InboundSignals(Map<String, HandoffReason> phrases) {
        Map<String, HandoffReason> byNormalized = new LinkedHashMap<>();
        phrases.forEach((phrase, reason) -> {
            String normalized = NormalizedText.of(phrase).text();
            if (!normalized.isEmpty()) byNormalized.put(normalized, reason);
        });
        this.automaton = LexiconAutomaton.of(new ArrayList<>(byNormalized.keySet()));
        this.reasons = byNormalized.values().toArray(HandoffReason[]::new);
    }

    public Optional<Signal> strongest(String original) {
        if (original == null || original.isEmpty()) return Optional.empty();
        NormalizedText text = NormalizedText.of(original);
        List<int[]> found = new ArrayList<>();
        List<int[]> allowed = new ArrayList<>();
        automaton.scan(text.chars(), text.length(), (pattern, end) -> {
            int start = end - automaton.length(pattern);
            if (reasons[pattern] == null) allowed.add(new int[] {start, end});
            else if (ContextRules.respectsBoundaries(text, start, end)) found.add(new int[] {start, end, pattern});
        });
        int[] best = null;
        for (int[] span : found) {
            if (inside(span, allowed)) continue;
            if (best == null || before(span, best)) best = span;
        }
        if (best == null) return Optional.empty();
        int start = text.originalStart(best[0]);
        int end = text.originalEnd(best[1] - 1);
        return Optional.of(new Signal(reasons[best[2]], original.substring(start, end), start, end));
    }

    /** More urgent first; then the earlier signal; then the longer (不想活了 over 不想活). */
    private boolean before(int[] a, int[] b) {
        int byUrgency = Integer.compare(urgency(a[2]), urgency(b[2]));
        if (byUrgency != 0) return byUrgency < 0;
        if (a[0] != b[0]) return a[0] < b[0];
        return a[1] > b[1];
    }

    private int urgency(int pattern) {
        return URGENCY.indexOf(reasons[pattern]);
    }

    private static boolean inside(int[] span, List<int[]> allowed) {
        for (int[] a : allowed) if (a[0] <= span[0] && span[1] <= a[1]) return true;
        return false;
    }

    /** Reads {@code REASON<TAB>phrase} lines ({@code ALLOWED} for phrases that are no signal); # comments. */
    public static InboundSignals fromClasspath(String resource) {
        InputStream in = InboundSignals.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("inbound signals " + resource + " are not on the classpath");
        Map<String, HandoffReason> phrases = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t", 2);
                if (parts.length < 2) throw new IllegalStateException(resource + ": not REASON<TAB>phrase: " + line);
                String reason = parts[0].trim();
                phrases.put(parts[1].trim(), "ALLOWED".equals(reason) ? null : HandoffReason.valueOf(reason));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InboundSignals(phrases);
    }
}
