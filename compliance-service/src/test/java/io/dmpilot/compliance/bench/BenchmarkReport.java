package io.dmpilot.compliance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The whole comparison in one command ({@code ./mvnw -pl compliance-service -Pbench test-compile exec:exec}):
 * {@code runs} rounds of {@link EngineBenchmark}, each round one fresh JVM fork per engine, ours then theirs,
 * so both see the same machine load; the throughput of each, the ratio per round and the medians; then recall
 * and precision on {@link EvasionSet}. Prints a Markdown table and writes it to {@code target/benchmarks}.
 */
public final class BenchmarkReport {
    public static void main(String[] args) throws RunnerException, IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<double[]> rounds = new ArrayList<>();
        for (int round = 1; round <= runs; round++) {
            double ours = throughput("ours");
            double theirs = throughput("sensitiveWord");
            rounds.add(new double[] {ours, theirs, ours / theirs});
            System.out.printf("round %d/%d: ours %.0f ops/s, sensitive-word %.0f ops/s%n", round, runs, ours, theirs);
        }
        String report = table(rounds) + "\n" + scores();
        System.out.println(report);
        Path out = Path.of("target/benchmarks/compliance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double throughput(String method) throws RunnerException {
        RunResult result = new Runner(new OptionsBuilder()
                        .include(EngineBenchmark.class.getName() + "." + method + "$")
                        .forks(1)
                        .build())
                .runSingle();
        return result.getPrimaryResult().getScore();
    }

    private static String table(List<double[]> rounds) {
        StringBuilder out = new StringBuilder();
        out.append("| round | ours (ops/s) | sensitive-word (ops/s) | ratio |\n|---|---:|---:|---:|\n");
        for (int r = 0; r < rounds.size(); r++) {
            double[] round = rounds.get(r);
            out.append(String.format("| %d | %,.0f | %,.0f | %.1f× |%n", r + 1, round[0], round[1], round[2]));
        }
        out.append(String.format(
                "| **median** | **%,.0f** | **%,.0f** | **%.1f×** |%n",
                median(rounds, 0), median(rounds, 1), median(rounds, 2)));
        return out.toString();
    }

    private static String scores() {
        StringBuilder out = new StringBuilder("| engine | recall | precision |\n|---|---:|---:|\n");
        EvasionScore.both(Engines.dictionary(), false)
                .forEach(s -> out.append(s.line()).append('\n'));
        return out.toString();
    }

    /** The median of column {@code column}; the ratio's median is of the per-round ratios. */
    static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private BenchmarkReport() {}
}
