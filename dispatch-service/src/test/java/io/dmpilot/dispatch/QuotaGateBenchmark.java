package io.dmpilot.dispatch;

import io.dmpilot.contracts.Tier;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Quota decisions per second and Redis round trips per decision, for the real {@link QuotaGate} against a
 * running Redis (REDIS_URL, default redis://127.0.0.1:6379). A plain program, not a test: see
 * docs/benchmarks/dispatch-quota.md for the command.
 */
public final class QuotaGateBenchmark {
    private static final int DECISIONS = 20_000;
    private static final int RUNS = 5;
    private static final int ACCOUNTS = 100;

    private final Vertx vertx = Vertx.vertx();
    private final String uri = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
    private final ReactiveRedisDataSource stats = dataSource(1);

    public static void main(String[] args) throws Exception {
        QuotaGateBenchmark bench = new QuotaGateBenchmark();
        try {
            List<QuotaGate> four = new ArrayList<>();
            for (int i = 0; i < 4; i++) four.add(new QuotaGate(bench.dataSource(1), defaults()));
            QuotaGate shared = new QuotaGate(bench.dataSource(8), defaults());
            // one decision on this thread first: context propagation initialises once, not racing in four
            // threads (the race failed a worker with "ContextManagerProvider already set" and the run hung)
            shared.acquire("bench-init", Tier.BASIC, "init").await().atMost(Duration.ofSeconds(10));
            bench.blocking(four, "warm-up");
            bench.report("4 dispatcher threads, 1 connection each, blocking", run -> bench.blocking(four, run));
            bench.report("1 client (8 connections), 256 decisions in flight", run -> bench.inFlight(shared, run));
        } finally {
            bench.vertx.closeAndAwait();
        }
    }

    private void report(String mode, Run run) throws Exception {
        List<Double> rates = new ArrayList<>();
        double evals = 0;
        double commands = 0;
        double admitted = 0;
        for (int r = 0; r < RUNS; r++) {
            long evalsBefore = stat("commandstats", "cmdstat_eval:calls=");
            long commandsBefore = stat("stats", "total_commands_processed:");
            long start = System.nanoTime();
            int admits = run.decide(UUID.randomUUID().toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            evals = (double) (stat("commandstats", "cmdstat_eval:calls=") - evalsBefore) / DECISIONS;
            // minus the two INFO calls of this measurement
            commands = (double) (stat("stats", "total_commands_processed:") - commandsBefore - 2) / DECISIONS;
            rates.add(DECISIONS / seconds);
            admitted = (double) admits / DECISIONS;
        }
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf(
                "%s: median %.0f decisions/s, runs %s; EVAL calls per decision %.3f; commands per decision (Redis"
                        + " total_commands_processed, other clients included) %.3f; admitted %.1f%%%n",
                mode,
                sorted.get(RUNS / 2),
                sorted.stream().map(d -> String.format("%.0f", d)).toList(),
                evals,
                commands,
                admitted * 100);
    }

    @FunctionalInterface
    private interface Run {
        int decide(String run) throws Exception;
    }

    private int blocking(List<QuotaGate> gates, String run) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(gates.size());
        AtomicInteger admitted = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < gates.size(); t++) {
            QuotaGate gate = gates.get(t);
            int first = t;
            done.add(threads.submit(() -> {
                for (int i = first; i < DECISIONS; i += gates.size()) {
                    boolean admit = gate.acquire(account(run, i), tier(i), "c" + i)
                            .await()
                            .atMost(Duration.ofSeconds(10))
                            .admitted();
                    if (admit) admitted.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) f.get();
        threads.shutdown();
        return admitted.get();
    }

    private int inFlight(QuotaGate gate, String run) {
        return Multi.createFrom()
                .range(0, DECISIONS)
                .onItem()
                .transformToUni(
                        i -> gate.acquire(account(run, i), tier(i), "c" + i).map(QuotaGate.Decision::admitted))
                .merge(256)
                .filter(a -> a)
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofMinutes(2))
                .size();
    }

    /** 100 accounts, tiers in turn: ~67 decisions per account and tier, so ADVANCED and CUSTOM run over quota. */
    private static String account(String run, int i) {
        return "bench-" + run + "-" + (i % ACCOUNTS);
    }

    private static Tier tier(int i) {
        return Tier.values()[(i / ACCOUNTS) % Tier.values().length];
    }

    private ReactiveRedisDataSource dataSource(int connections) {
        Redis redis = Redis.createClient(
                vertx,
                new RedisOptions()
                        .setConnectionString(uri)
                        .setMaxPoolSize(connections)
                        .setMaxPoolWaiting(1024));
        return new ReactiveRedisDataSourceImpl(vertx, redis, RedisAPI.api(redis));
    }

    private long stat(String section, String field) {
        String info = stats.execute("INFO", section)
                .await()
                .atMost(Duration.ofSeconds(5))
                .toString();
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field)) {
                String value = line.substring(field.length());
                int comma = value.indexOf(',');
                return Long.parseLong(comma < 0 ? value.trim() : value.substring(0, comma));
            }
        }
        return 0;
    }

    /** The product defaults: quotas of DESIGN §4, no overrides. */
    private static DispatchConfig defaults() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
            if (method.getName().equals("quotaPerMinute")) return Map.of();
            if (method.getName().equals("accountQuotaPerMinute")) return Map.of();
            if (method.getName().equals("quotaWindow")) return Duration.ofSeconds(60);
            throw new UnsupportedOperationException(method.getName());
        };
        return (DispatchConfig) Proxy.newProxyInstance(
                DispatchConfig.class.getClassLoader(), new Class<?>[] {DispatchConfig.class}, handler);
    }
}
