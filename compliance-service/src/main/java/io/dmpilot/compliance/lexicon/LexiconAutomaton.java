package io.dmpilot.compliance.lexicon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick over normalized text: one pass whatever the number of patterns. Transitions live in one
 * open-addressed table keyed by (state, character), so a step is a multiply, a mask and usually one probe;
 * failure links are followed at build time into each state's outputs, so a hit needs no chain walk.
 */
final class LexiconAutomaton {
    /** Receives each pattern ending at {@code end} (exclusive) in the normalized text. */
    interface Hits {
        void hit(int pattern, int end);
    }

    private final long[] keys;
    private final int[] targets;
    private final int mask;
    private final int[] failure;
    private final int[][] outputs;
    private final int[] lengths;

    private LexiconAutomaton(long[] keys, int[] targets, int[] failure, int[][] outputs, int[] lengths) {
        this.keys = keys;
        this.targets = targets;
        this.mask = keys.length - 1;
        this.failure = failure;
        this.outputs = outputs;
        this.lengths = lengths;
    }

    static LexiconAutomaton of(List<String> patterns) {
        TrieBuilder trie = new TrieBuilder();
        int[] lengths = new int[patterns.size()];
        for (int p = 0; p < patterns.size(); p++) {
            trie.add(patterns.get(p), p);
            lengths[p] = patterns.get(p).length();
        }
        return trie.build(lengths);
    }

    int length(int pattern) {
        return lengths[pattern];
    }

    void scan(char[] text, int length, Hits hits) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            int next = next(state, c);
            while (next < 0 && state != 0) {
                state = failure[state];
                next = next(state, c);
            }
            state = next < 0 ? 0 : next;
            for (int pattern : outputs[state]) hits.hit(pattern, i + 1);
        }
    }

    private int next(int state, char c) {
        long key = ((long) state << 16) | c;
        int slot = slot(key, mask);
        while (true) {
            long found = keys[slot];
            if (found == key) return targets[slot];
            if (found == -1L) return -1;
            slot = (slot + 1) & mask;
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    /** A plain trie with child lists, turned into the compact form once every pattern is in. */
    private static final class TrieBuilder {
        private final List<char[]> labels = new ArrayList<>();
        private final List<int[]> children = new ArrayList<>();
        private final List<int[]> ends = new ArrayList<>();
        private final java.util.HashMap<Long, Integer> edges = new java.util.HashMap<>();
        private int transitions;

        TrieBuilder() {
            newState();
        }

        private int newState() {
            labels.add(new char[0]);
            children.add(new int[0]);
            ends.add(new int[0]);
            return labels.size() - 1;
        }

        int child(int state, char c) {
            Integer next = edges.get(((long) state << 16) | c);
            return next == null ? -1 : next;
        }

        void add(String pattern, int id) {
            int state = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                int next = child(state, c);
                if (next < 0) {
                    next = newState();
                    char[] l = labels.get(state);
                    labels.set(state, append(l, c));
                    children.set(state, append(children.get(state), next));
                    edges.put(((long) state << 16) | c, next);
                    transitions++;
                }
                state = next;
            }
            ends.set(state, append(ends.get(state), id));
        }

        LexiconAutomaton build(int[] lengths) {
            int size = Integer.highestOneBit(Math.max(4, transitions * 2)) * 2;
            long[] keys = new long[size];
            Arrays.fill(keys, -1L);
            int[] targets = new int[size];
            int states = labels.size();
            int[] failure = new int[states];
            int[][] outputs = new int[states][];
            outputs[0] = ends.get(0);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int child : children.get(0)) queue.add(child);
            while (!queue.isEmpty()) {
                int state = queue.poll();
                outputs[state] = concat(ends.get(state), outputs[failure[state]]);
                char[] l = labels.get(state);
                int[] c = children.get(state);
                for (int k = 0; k < l.length; k++) {
                    failure[c[k]] = failureOf(state, l[k], failure);
                    queue.add(c[k]);
                }
            }
            for (int state = 0; state < states; state++) {
                char[] l = labels.get(state);
                int[] c = children.get(state);
                for (int k = 0; k < l.length; k++) put(keys, targets, ((long) state << 16) | l[k], c[k]);
            }
            return new LexiconAutomaton(keys, targets, failure, outputs, lengths);
        }

        private int failureOf(int parent, char c, int[] failure) {
            if (parent == 0) return 0;
            int f = failure[parent];
            while (true) {
                int next = child(f, c);
                if (next >= 0) return next;
                if (f == 0) return 0;
                f = failure[f];
            }
        }

        private static void put(long[] keys, int[] targets, long key, int target) {
            int mask = keys.length - 1;
            int slot = slot(key, mask);
            while (keys[slot] != -1L) slot = (slot + 1) & mask;
            keys[slot] = key;
            targets[slot] = target;
        }

        private static char[] append(char[] a, char c) {
            char[] r = Arrays.copyOf(a, a.length + 1);
            r[a.length] = c;
            return r;
        }

        private static int[] append(int[] a, int v) {
            int[] r = Arrays.copyOf(a, a.length + 1);
            r[a.length] = v;
            return r;
        }

        private static int[] concat(int[] a, int[] b) {
            if (b.length == 0) return a;
            if (a.length == 0) return b;
            int[] r = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, r, a.length, b.length);
            return r;
        }
    }
}
