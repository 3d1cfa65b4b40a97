package io.dmpilot.compliance.bench;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import io.dmpilot.compliance.lexicon.LexiconMatcher;
import java.util.List;
import java.util.function.Predicate;

/** Recall and precision of both engines on {@link EvasionSet}: a text counts as flagged when any hit is found. */
public final class EvasionScore {
    /** Counts of one engine over the set; {@code verbose} prints each miss and false alarm. */
    public record Score(String engine, int truePositives, int falsePositives, int falseNegatives) {
        public double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        public double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        public String line() {
            return String.format(
                    "| %s | %.3f (%d/%d) | %.3f (%d/%d) |",
                    engine,
                    recall(),
                    truePositives,
                    truePositives + falseNegatives,
                    precision(),
                    truePositives,
                    truePositives + falsePositives);
        }
    }

    public static void main(String[] args) {
        List<String> dictionary = Engines.dictionary();
        List<EvasionSet.Sample> samples = EvasionSet.samples();
        System.out.printf(
                "dictionary: %d words; samples: %d (%d violating, %d clean)%n",
                dictionary.size(),
                samples.size(),
                samples.stream().filter(EvasionSet.Sample::violating).count(),
                samples.stream().filter(s -> !s.violating()).count());
        both(dictionary, args.length > 0).forEach(s -> System.out.println(s.line()));
    }

    /** Ours, then sensitive-word's, over the same dictionary and samples. */
    public static List<Score> both(List<String> dictionary, boolean verbose) {
        LexiconMatcher ours = Engines.ours(dictionary);
        SensitiveWordBs theirs = Engines.theirs(dictionary);
        List<EvasionSet.Sample> samples = EvasionSet.samples();
        return List.of(
                score("dmpilot LexiconMatcher", samples, t -> !ours.find(t).isEmpty(), verbose),
                score("sensitive-word 0.25.0", samples, theirs::contains, verbose));
    }

    private static Score score(String name, List<EvasionSet.Sample> samples, Predicate<String> flags, boolean verbose) {
        int tp = 0, fp = 0, fn = 0;
        for (EvasionSet.Sample sample : samples) {
            boolean flagged = flags.test(sample.text());
            if (flagged && sample.violating()) tp++;
            else if (flagged) fp++;
            else if (sample.violating()) fn++;
            if (verbose && flagged != sample.violating())
                System.out.println("  " + name + (flagged ? " FP: " : " FN: ") + sample.text());
        }
        return new Score(name, tp, fp, fn);
    }

    private EvasionScore() {}
}
