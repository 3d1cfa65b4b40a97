package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon terms and contact details in one pass over the normalized text: one automaton holds the
 * terms, the allowed phrases of {@link ContextRules} and the markers after which a WeChat id or QQ number
 * follows; a term inside an allowed phrase is dropped. Immutable: a lexicon edit builds a new matcher.
 */
public final class LexiconMatcher {
    private static final byte TERM = 1;
    private static final byte ALLOWED = 2;
    private static final byte WECHAT = 4;
    private static final byte QQ = 8;

    private final LexiconAutomaton automaton;
    private final LexiconTerm[] terms;
    private final byte[] kinds;

    public LexiconMatcher(List<LexiconTerm> terms) {
        this(terms, ContextRules.ALLOWED);
    }

    public LexiconMatcher(List<LexiconTerm> lexicon, List<String> allowed) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<LexiconTerm> byPattern = new ArrayList<>();
        List<Byte> kindList = new ArrayList<>();
        for (LexiconTerm term : lexicon) {
            int id = add(term.term(), TERM, index, byPattern, kindList);
            if (id >= 0 && byPattern.get(id) == null) byPattern.set(id, term);
        }
        for (String phrase : allowed) add(phrase, ALLOWED, index, byPattern, kindList);
        for (String marker : ContactPatterns.WECHAT_MARKERS) add(marker, WECHAT, index, byPattern, kindList);
        for (String marker : ContactPatterns.QQ_MARKERS) add(marker, QQ, index, byPattern, kindList);
        this.automaton = LexiconAutomaton.of(new ArrayList<>(index.keySet()));
        this.terms = byPattern.toArray(LexiconTerm[]::new);
        this.kinds = new byte[kindList.size()];
        for (int k = 0; k < kinds.length; k++) kinds[k] = kindList.get(k);
    }

    /** One pattern per normalized phrase; a phrase may be a term and a marker at once (加微, vx). */
    private static int add(
            String phrase, byte kind, Map<String, Integer> index, List<LexiconTerm> byPattern, List<Byte> kinds) {
        String normalized = NormalizedText.of(phrase).text();
        if (normalized.isEmpty()) return -1;
        Integer id = index.get(normalized);
        if (id == null) {
            id = byPattern.size();
            index.put(normalized, id);
            byPattern.add(null);
            kinds.add((byte) 0);
        }
        kinds.set(id, (byte) (kinds.get(id) | kind));
        return id;
    }

    public List<Finding> find(String original) {
        return hits(original).stream().map(Hit::finding).toList();
    }

    /** Findings with the entries behind them, first to last, a longer match hiding shorter ones inside it. */
    public List<Hit> hits(String original) {
        NormalizedText text = NormalizedText.of(original);
        List<int[]> spans = new ArrayList<>();
        List<int[]> allowedSpans = new ArrayList<>();
        List<LexiconTerm> found = new ArrayList<>();
        ContactPatterns.Sink sink = (term, start, end) -> {
            spans.add(new int[] {start, end, found.size()});
            found.add(term);
        };
        automaton.scan(text.chars(), text.length(), (pattern, end) -> {
            int start = end - automaton.length(pattern);
            byte kind = kinds[pattern];
            if ((kind & ALLOWED) != 0) allowedSpans.add(new int[] {start, end});
            if ((kind & TERM) != 0 && ContextRules.respectsBoundaries(text, start, end)) {
                sink.accept(terms[pattern], start, end);
            }
            if ((kind & WECHAT) != 0) ContactPatterns.wechatId(text, start, end, sink);
            if ((kind & QQ) != 0) ContactPatterns.qqNumber(text, start, end, sink);
        });
        ContactPatterns.phones(text, sink);
        ContactPatterns.domains(text, sink);
        return resolve(original, text, spans, allowedSpans, found);
    }

    private static List<Hit> resolve(
            String original, NormalizedText text, List<int[]> spans, List<int[]> allowed, List<LexiconTerm> found) {
        spans.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparing(s -> -s[1]));
        List<Hit> kept = new ArrayList<>(spans.size());
        int coveredUntil = -1;
        for (int[] span : spans) {
            if (span[1] <= coveredUntil || insideAllowed(span, allowed)) continue;
            int start = text.originalStart(span[0]);
            int end = text.originalEnd(span[1] - 1);
            LexiconTerm term = found.get(span[2]);
            kept.add(new Hit(term, new Finding(term.category(), original.substring(start, end), start, end)));
            coveredUntil = span[1];
        }
        return kept;
    }

    private static boolean insideAllowed(int[] span, List<int[]> allowed) {
        for (int[] a : allowed) if (a[0] <= span[0] && span[1] <= a[1]) return true;
        return false;
    }
}
