package io.dmpilot.rules.bench;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.BgeSmallZhEncoder;
import io.dmpilot.rules.engine.DefaultIntents;
import io.dmpilot.rules.engine.EngineMatch;
import io.dmpilot.rules.engine.EngineSelector;
import io.dmpilot.rules.engine.IntentIndex;
import io.dmpilot.rules.engine.IntentSpec;
import io.dmpilot.rules.engine.MessageContext;
import io.dmpilot.rules.engine.VectorCache;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Messages/s per core and per-message latency of the three engines as rules-service runs them: BASIC (fixed
 * reply), ADVANCED (20 keyword rules), CUSTOM (encode the message with bge-small-zh-v1.5, nearest intent over
 * the default examples, keywords below the threshold). Also the model's resident memory and the heap of 10,000
 * CUSTOM accounts × 20 rules + the default intents. A plain main that prints; no test asserts a time. Run it as
 * docs/benchmarks/rules-engines.md says.
 */
public final class EnginesBench {
    private static final double THRESHOLD = 0.62;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> corpus = KeywordEngineBench.corpus(new Random(11));
        System.out.printf(
                "JVM %s, %d processors, one thread per measurement unless said%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        EngineSelector engines = new EngineSelector();
        AccountRules basic = withTier(KeywordEngineBench.account("basic", 20), Tier.BASIC);
        AccountRules advanced = KeywordEngineBench.account("advanced", 20);
        fast("BASIC   ", engines, basic, corpus, runs);
        fast("ADVANCED", engines, advanced, corpus, runs);

        long rssBefore = rssMiB();
        long start = System.nanoTime();
        try (BgeSmallZhEncoder model = new BgeSmallZhEncoder(1)) {
            model.encode("你好");
            System.out.printf(
                    "model load %,d ms; RSS %d MiB → %d MiB (+%d MiB)%n",
                    (System.nanoTime() - start) / 1_000_000, rssBefore, rssMiB(), rssMiB() - rssBefore);
            VectorCache cache = new VectorCache(20_000);
            Function<String, float[]> vectors = phrase -> cache.get(phrase, model);
            AccountRules custom = custom(withTier(advanced, Tier.CUSTOM), vectors);
            customRun(engines, custom, model, corpus, runs);
            customParallel(engines, custom, model, corpus, 2);
            memory(10_000, vectors);
            System.out.printf("RSS at the end %d MiB%n", rssMiB());
        }
    }

    /** BASIC and ADVANCED: msg/s (median of runs of 100,000 messages) and latency over 1,000,000. */
    private static void fast(String name, EngineSelector engines, AccountRules rules, List<String> corpus, int runs) {
        double[] rates = new double[runs];
        for (int r = -2; r < runs; r++) {
            long t = System.nanoTime();
            for (int rep = 0; rep < 10; rep++) for (String text : corpus) engines.match(context(text, null), rules);
            if (r >= 0) rates[r] = corpus.size() * 10 / ((System.nanoTime() - t) / 1e9);
        }
        long[] nanos = new long[1_000_000];
        for (int i = 0; i < nanos.length; i++) {
            String text = corpus.get(i % corpus.size());
            long t = System.nanoTime();
            engines.match(context(text, null), rules);
            nanos[i] = System.nanoTime() - t;
        }
        print(name, median(rates), nanos);
    }

    /** CUSTOM: encoding the message included, the example vectors cached as in the service. */
    private static void customRun(
            EngineSelector engines, AccountRules rules, BgeSmallZhEncoder model, List<String> corpus, int runs) {
        int perRun = 500;
        for (int i = 0; i < 100; i++) customMatch(engines, rules, model, corpus.get(i)); // warm-up
        double[] rates = new double[runs];
        long[] nanos = new long[perRun * runs];
        Map<Tier, Integer> byEngine = new HashMap<>();
        for (int r = 0; r < runs; r++) {
            long runStart = System.nanoTime();
            for (int i = 0; i < perRun; i++) {
                long t = System.nanoTime();
                EngineMatch match = customMatch(engines, rules, model, corpus.get(1_000 + r * perRun + i));
                nanos[r * perRun + i] = System.nanoTime() - t;
                byEngine.merge(match.tier(), 1, Integer::sum);
            }
            rates[r] = perRun / ((System.nanoTime() - runStart) / 1e9);
        }
        print("CUSTOM  ", median(rates), nanos);
        System.out.println("  CUSTOM answers by engine tier: " + byEngine);
        long[] matchOnly = new long[100_000];
        float[] vector = model.encode(corpus.get(0));
        for (int i = 0; i < matchOnly.length; i++) {
            long t = System.nanoTime();
            engines.match(context(corpus.get(i % corpus.size()), vector), rules);
            matchOnly[i] = System.nanoTime() - t;
        }
        Arrays.sort(matchOnly);
        System.out.printf(
                "  of which intent matching (31 examples) + engines, encoding excluded: p50 %.1f µs%n",
                matchOnly[matchOnly.length / 2] / 1e3);
    }

    /** CUSTOM on {@code threads} threads at once (the service's default worker pool): the machine's rate. */
    private static void customParallel(
            EngineSelector engines, AccountRules rules, BgeSmallZhEncoder model, List<String> corpus, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int each = 400;
        long t = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int base = 5_000 + w * each;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) customMatch(engines, rules, model, corpus.get(base + i));
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        System.out.printf(
                "CUSTOM on %d threads: %,.0f msg/s in total%n",
                threads, threads * each / ((System.nanoTime() - t) / 1e9));
    }

    private static EngineMatch customMatch(
            EngineSelector engines, AccountRules rules, BgeSmallZhEncoder model, String text) {
        return engines.match(context(text, model.encode(text)), rules).orElseThrow();
    }

    /** Heap of {@code accounts} CUSTOM accounts: 20 keyword rules each and the default intents (shared vectors). */
    private static void memory(int accounts, Function<String, float[]> vectors) {
        long before = usedHeap();
        int threads = Thread.activeCount();
        Map<String, AccountRules> loaded = new HashMap<>();
        for (int i = 0; i < accounts; i++) {
            String id = "acct-" + i;
            loaded.put(id, custom(withTier(KeywordEngineBench.account(id, 20), Tier.CUSTOM), vectors));
        }
        long after = usedHeap();
        System.out.printf(
                "%,d CUSTOM accounts × (20 rules + 2 intents, 31 examples): heap %.1f MiB (%.1f KiB/account), threads %d → %d%n",
                accounts,
                (after - before) / 1048576.0,
                (after - before) / 1024.0 / accounts,
                threads,
                Thread.activeCount());
        if (loaded.size() != accounts) throw new IllegalStateException();
    }

    private static AccountRules custom(AccountRules rules, Function<String, float[]> vectors) {
        List<IntentSpec> intents = List.of(
                new IntentSpec("as", Scenario.AFTER_SALES, DefaultIntents.AFTER_SALES, null),
                new IntentSpec("pi", Scenario.PRODUCT_INQUIRY, DefaultIntents.PRODUCT_INQUIRY, null));
        return rules.withIntents(IntentIndex.of(intents, vectors, THRESHOLD));
    }

    private static AccountRules withTier(AccountRules r, Tier tier) {
        return new AccountRules(
                r.accountOpenId(), r.agencyId(), tier, false, r.templates(), r.keywords(), r.variants());
    }

    private static MessageContext context(String text, float[] vector) {
        return new MessageContext(text, "小王", "u1", false, false, vector);
    }

    private static void print(String name, double rate, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf(
                "%s %,12.0f msg/s per core   latency p50 %9.2f µs  p99 %9.2f µs  p99.9 %9.2f µs%n",
                name,
                rate,
                nanos[nanos.length / 2] / 1e3,
                nanos[(int) (nanos.length * 0.99)] / 1e3,
                nanos[(int) (nanos.length * 0.999)] / 1e3);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long usedHeap() {
        for (int i = 0; i < 5; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    private EnginesBench() {}
}
