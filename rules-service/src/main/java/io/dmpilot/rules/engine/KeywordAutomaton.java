package io.dmpilot.rules.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aho–Corasick automaton over an account's keywords: one pass over a message finds every keyword, whatever
 * their number. Frozen into flat arrays (edges sorted per state, looked up by binary search) so 10,000
 * accounts' automata cost about 22 bytes per trie state rather than a map per state.
 */
public final class KeywordAutomaton {
    private final int[] edgeStart; // state → first edge; edges of a state are contiguous and sorted
    private final char[] labels;
    private final int[] targets;
    private final int[] fail;
    private final int[] outStart; // state → first pattern id ending here, in outIds
    private final int[] outIds;
    private final int[] dictLink; // nearest state down the fail chain that ends a pattern, or -1
    private final int patternCount;

    private KeywordAutomaton(Trie trie, int patternCount) {
        this.patternCount = patternCount;
        int n = trie.children.size();
        int[] order = bfsOrder(trie);
        int[] renamed = new int[n];
        for (int i = 0; i < n; i++) renamed[order[i]] = i;
        edgeStart = new int[n + 1];
        labels = new char[n - 1];
        targets = new int[n - 1];
        outStart = new int[n + 1];
        int edges = 0;
        int outs = 0;
        for (int i = 0; i < n; i++) {
            edgeStart[i] = edges;
            for (Map.Entry<Character, Integer> child :
                    trie.children.get(order[i]).entrySet()) {
                labels[edges] = child.getKey();
                targets[edges++] = renamed[child.getValue()];
            }
            outStart[i] = outs;
            outs += trie.outputs.get(order[i]).size();
        }
        edgeStart[n] = edges;
        outStart[n] = outs;
        outIds = new int[outs];
        for (int i = 0; i < n; i++) {
            List<Integer> ids = trie.outputs.get(order[i]);
            for (int k = 0; k < ids.size(); k++) outIds[outStart[i] + k] = ids.get(k);
        }
        fail = new int[n];
        dictLink = new int[n];
        linkFailures(n);
    }

    /** Patterns are matched as given: normalize them first. Empty patterns never match. */
    public static KeywordAutomaton of(List<String> patterns) {
        Trie trie = new Trie();
        for (int id = 0; id < patterns.size(); id++) trie.add(patterns.get(id), id);
        return new KeywordAutomaton(trie, patterns.size());
    }

    public int patternCount() {
        return patternCount;
    }

    /** The ids of every pattern that occurs in {@code text}. */
    public BitSet find(String text) {
        BitSet found = new BitSet(patternCount);
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            state = next(state, text.charAt(i));
            for (int s = outStart[state] < outStart[state + 1] ? state : dictLink[state]; s > 0; s = dictLink[s]) {
                for (int k = outStart[s]; k < outStart[s + 1]; k++) found.set(outIds[k]);
            }
        }
        return found;
    }

    private int next(int state, char c) {
        while (true) {
            int edge = edge(state, c);
            if (edge >= 0) return targets[edge];
            if (state == 0) return 0;
            state = fail[state];
        }
    }

    private int edge(int state, char c) {
        int at = Arrays.binarySearch(labels, edgeStart[state], edgeStart[state + 1], c);
        return at >= 0 ? at : -1;
    }

    /** States are numbered breadth first, so a state's fail target is always computed before the state. */
    private void linkFailures(int n) {
        dictLink[0] = -1;
        for (int s = 0; s < n; s++) {
            for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
                int child = targets[e];
                int f = s == 0 ? 0 : next(fail[s], labels[e]);
                fail[child] = f;
                dictLink[child] = outStart[f] < outStart[f + 1] ? f : dictLink[f];
            }
        }
    }

    private static int[] bfsOrder(Trie trie) {
        int[] order = new int[trie.children.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        int i = 0;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            order[i++] = s;
            queue.addAll(trie.children.get(s).values());
        }
        return order;
    }

    /** The building form: a map per state, thrown away once frozen. */
    private static final class Trie {
        final List<TreeMap<Character, Integer>> children = new ArrayList<>();
        final List<List<Integer>> outputs = new ArrayList<>();

        Trie() {
            newState();
        }

        void add(String pattern, int id) {
            if (pattern.isEmpty()) return;
            int state = 0;
            for (int i = 0; i < pattern.length(); i++) {
                Integer child = children.get(state).get(pattern.charAt(i));
                if (child == null) {
                    child = newState();
                    children.get(state).put(pattern.charAt(i), child);
                }
                state = child;
            }
            outputs.get(state).add(id);
        }

        private int newState() {
            children.add(new TreeMap<>());
            outputs.add(new ArrayList<>(1));
            return children.size() - 1;
        }
    }
}
