package io.dmpilot.compliance.bench;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import io.dmpilot.compliance.lexicon.LexiconMatcher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of finding every hit with its position in each text of {@link EvasionSet}: ours
 * ({@code LexiconMatcher.find}) against sensitive-word's {@code findAll}, same dictionary, same texts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
public class EngineBenchmark {
    private List<String> texts;
    private LexiconMatcher ours;
    private SensitiveWordBs theirs;

    @Setup
    public void setUp() {
        List<String> dictionary = Engines.dictionary();
        texts = EvasionSet.texts();
        ours = Engines.ours(dictionary);
        theirs = Engines.theirs(dictionary);
    }

    @Benchmark
    public void ours(Blackhole hole) {
        for (String text : texts) hole.consume(ours.find(text));
    }

    @Benchmark
    public void sensitiveWord(Blackhole hole) {
        for (String text : texts) hole.consume(theirs.findAll(text));
    }
}
