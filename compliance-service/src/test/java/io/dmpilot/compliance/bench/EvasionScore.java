package io.dmpilot.compliance.bench;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import io.dmpilot.compliance.lexicon.LexiconMatcher;
import java.util.List;
import java.util.function.Predicate;

/** Recall and precision of both engines on {@link EvasionSet}: a text counts as flagged when any hit is found. */
public final class EvasionScore {
    public static void main(String[] args) {
        List<String> dictionary = Engines.dictionary();
        LexiconMatcher ours = Engines.ours(dictionary);
        SensitiveWordBs theirs = Engines.theirs(dictionary);
        List<EvasionSet.Sample> samples = EvasionSet.samples();
        System.out.printf(
                "dictionary: %d words; samples: %d (%d violating, %d clean)%n",
                dictionary.size(),
                samples.size(),
                samples.stream().filter(EvasionSet.Sample::violating).count(),
                samples.stream().filter(s -> !s.violating()).count());
        report("dmpilot LexiconMatcher", samples, t -> !ours.find(t).isEmpty(), args.length > 0);
        report("sensitive-word 0.25.0", samples, theirs::contains, args.length > 0);
    }

    private static void report(String name, List<EvasionSet.Sample> samples, Predicate<String> flags, boolean verbose) {
        int tp = 0, fp = 0, fn = 0;
        for (EvasionSet.Sample sample : samples) {
            boolean flagged = flags.test(sample.text());
            if (flagged && sample.violating()) tp++;
            else if (flagged) fp++;
            else if (sample.violating()) fn++;
            if (verbose && flagged != sample.violating())
                System.out.println("  " + name + (flagged ? " FP: " : " FN: ") + sample.text());
        }
        System.out.printf(
                "%-24s recall %.3f (%d/%d)  precision %.3f (%d/%d)%n",
                name, tp / (double) (tp + fn), tp, tp + fn, tp / (double) Math.max(1, tp + fp), tp, tp + fp);
    }

    private EvasionScore() {}
}
