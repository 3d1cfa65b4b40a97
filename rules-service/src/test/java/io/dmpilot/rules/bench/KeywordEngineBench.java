package io.dmpilot.rules.bench;

import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.EngineSelector;
import io.dmpilot.rules.engine.KeywordBook;
import io.dmpilot.rules.engine.KeywordRuleSpec;
import io.dmpilot.rules.engine.MatchMode;
import io.dmpilot.rules.engine.MessageContext;
import io.dmpilot.rules.engine.NormalizedMessage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Throughput and latency of the ADVANCED engine, and the memory of 10,000 accounts × 20 rules. A plain main,
 * not a test: it prints figures and asserts nothing. Run it as docs/benchmarks/rules-service.md says.
 */
public final class KeywordEngineBench {
    private static final String[] PRODUCTS = {"面霜", "精华", "口红", "防晒", "洗面奶", "面膜", "粉底", "眼霜"};
    private static final String[] OPENERS = {"", "你好，", "请问", "亲，", "在吗？", "老板，"};
    private static final String[] ASKS = {
        "这个多少钱",
        "价格是多少",
        "怎么买啊",
        "有优惠吗",
        "我要退货",
        "退款怎么弄",
        "发货了吗什么时候到",
        "可以换货吗",
        "质量问题怎么办",
        "包邮吗",
        "有没有链接",
        "好用吗",
        "适合油皮吗",
        "什么时候有活动",
        "在吗",
        "谢谢",
        "收到了，很喜欢",
        "颜色发错了",
        "我的电话13812345678",
        "能开发票吗"
    };
    private static final int MESSAGES = 10_000;

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> corpus = corpus(new Random(7));
        System.out.printf(
                "JVM %s, %d available processors, 1 thread measured%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (int rules : new int[] {20, 200, 2000}) {
            throughput(rules, corpus, runs);
        }
        latency(corpus);
        memory(10_000, 20);
    }

    /** Messages per second on one thread: the automaton vs. a loop over the rules, median of {@code runs}. */
    private static void throughput(int ruleCount, List<String> corpus, int runs) {
        AccountRules rules = account("bench", ruleCount);
        EngineSelector engine = new EngineSelector();
        List<NaiveRule> naive = naive(ruleCount);
        double[] auto = new double[runs];
        double[] loop = new double[runs];
        for (int warm = 0; warm < 3; warm++) {
            pass(engine, rules, corpus);
            naivePass(naive, corpus);
        }
        for (int r = 0; r < runs; r++) {
            auto[r] = pass(engine, rules, corpus);
            loop[r] = naivePass(naive, corpus);
        }
        double a = median(auto);
        double n = median(loop);
        System.out.printf(
                "%5d rules/account: automaton %,10.0f msg/s   rule-by-rule loop %,10.0f msg/s   ratio %.1f×%n",
                ruleCount, a, n, a / n);
    }

    private static double pass(EngineSelector engine, AccountRules rules, List<String> corpus) {
        long start = System.nanoTime();
        int matched = 0;
        for (int rep = 0; rep < 10; rep++) {
            for (String text : corpus) {
                if (engine.match(new MessageContext(text, "小王", "u1", false), rules)
                        .isPresent()) matched++;
            }
        }
        long nanos = System.nanoTime() - start;
        if (matched == 0) throw new IllegalStateException("nothing matched");
        return corpus.size() * 10 / (nanos / 1e9);
    }

    /** Per-message latency, one thread, 1,000,000 messages after warm-up. */
    private static void latency(List<String> corpus) {
        AccountRules rules = account("bench", 20);
        EngineSelector engine = new EngineSelector();
        for (int i = 0; i < 200_000; i++) {
            engine.match(new MessageContext(corpus.get(i % corpus.size()), null, "u", false), rules);
        }
        long[] nanos = new long[1_000_000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            engine.match(new MessageContext(corpus.get(i % corpus.size()), null, "u", false), rules);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "latency, 20 rules: p50 %.2f µs  p99 %.2f µs  p99.9 %.2f µs  max %.1f µs%n",
                nanos[nanos.length / 2] / 1e3,
                nanos[(int) (nanos.length * 0.99)] / 1e3,
                nanos[(int) (nanos.length * 0.999)] / 1e3,
                nanos[nanos.length - 1] / 1e3);
    }

    /** Heap held by {@code accounts} compiled accounts (templates, rules, automata) and the threads they add. */
    private static void memory(int accounts, int rulesEach) {
        int threadsBefore = Thread.activeCount();
        long before = usedHeap();
        long start = System.nanoTime();
        Map<String, AccountRules> loaded = new HashMap<>();
        for (int i = 0; i < accounts; i++) {
            loaded.put("acct-" + i, account("acct-" + i, rulesEach));
        }
        long compileMillis = (System.nanoTime() - start) / 1_000_000;
        long after = usedHeap();
        int states = loaded.values().stream().mapToInt(r -> r.keywords().size()).sum();
        System.out.printf(
                "%,d accounts × %d rules (%,d rules) loaded in %,d ms: heap %.1f MiB (%.1f KiB/account), threads %d → %d%n",
                accounts,
                rulesEach,
                states,
                compileMillis,
                (after - before) / 1048576.0,
                (after - before) / 1024.0 / accounts,
                threadsBefore,
                Thread.activeCount());
        if (loaded.get("acct-42").keywords().match("这个多少钱").isEmpty()) throw new IllegalStateException();
    }

    private static long usedHeap() {
        for (int i = 0; i < 5; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * An account shaped like the seed's: product inquiry and after-sales, shipping, invoices, a greeting and a
     * phone-number pattern, then rules on the account's own products so no two accounts share keywords.
     */
    static AccountRules account(String openId, int ruleCount) {
        List<KeywordRuleSpec> specs = specs(openId, ruleCount);
        Map<Scenario, String> templates = new HashMap<>();
        for (Scenario s : Scenario.values()) templates.put(s, "{nickname}您好，这是" + openId + "的" + s + "回复，欢迎下单～");
        return new AccountRules(openId, "agency", Tier.ADVANCED, false, templates, KeywordBook.of(specs));
    }

    private static KeywordRuleSpec rule(String account, int i, int priority, MatchMode mode, List<String> words) {
        return new KeywordRuleSpec(
                account + "-" + i, priority, mode, words, List.of("不要回复"), Scenario.PRODUCT_INQUIRY, null);
    }

    static List<String> corpus(Random random) {
        List<String> out = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            out.add(OPENERS[random.nextInt(OPENERS.length)]
                    + PRODUCTS[random.nextInt(PRODUCTS.length)]
                    + ASKS[random.nextInt(ASKS.length)]);
        }
        return out;
    }

    /** The baseline a first version would write: every rule checked with String.contains, by priority. */
    private record NaiveRule(int priority, MatchMode mode, List<String> words, Pattern regex) {}

    private static List<NaiveRule> naive(int count) {
        List<NaiveRule> out = new ArrayList<>();
        for (KeywordRuleSpec spec : specs("bench", count)) {
            out.add(new NaiveRule(
                    spec.priority(),
                    spec.mode(),
                    spec.keywords().stream().map(NormalizedMessage::keyword).toList(),
                    spec.mode() == MatchMode.REGEX
                            ? Pattern.compile(spec.keywords().get(0))
                            : null));
        }
        out.sort((x, y) -> Integer.compare(y.priority, x.priority));
        return out;
    }

    static List<KeywordRuleSpec> specs(String openId, int count) {
        List<KeywordRuleSpec> specs = new ArrayList<>();
        specs.add(rule(
                openId, 0, 100, MatchMode.ANY_OF, List.of("退货", "退款", "换货", "售后", "退换", "质量问题", "坏了", "破损", "发错")));
        specs.add(rule(openId, 1, 50, MatchMode.ANY_OF, List.of("价格", "多少钱", "购买", "怎么买", "在哪买", "怎么卖", "优惠", "链接")));
        specs.add(rule(openId, 2, 60, MatchMode.ALL_OF, List.of("发货", "什么时候")));
        specs.add(rule(openId, 3, 10, MatchMode.EXACT, List.of("在吗", "你好", "在不在")));
        specs.add(rule(openId, 4, 200, MatchMode.REGEX, List.of("1[3-9]\\d{9}")));
        specs.add(rule(openId, 5, 40, MatchMode.ANY_OF, List.of("发票", "开票", "抬头")));
        Random names = new Random(openId.hashCode());
        for (int i = specs.size(); i < count; i++) {
            String product = name(names) + name(names);
            specs.add(rule(openId, i, i % 90, MatchMode.ANY_OF, List.of(product, product + "色号", "编号" + i)));
        }
        return specs;
    }

    /** A CJK character from a pool of 2,000, so accounts' product keywords differ as real ones do. */
    private static String name(Random random) {
        return String.valueOf((char) (0x4e00 + random.nextInt(2_000)));
    }

    private static double naivePass(List<NaiveRule> rules, List<String> corpus) {
        long start = System.nanoTime();
        int matched = 0;
        for (int rep = 0; rep < 10; rep++) {
            for (String text : corpus) {
                NormalizedMessage m = NormalizedMessage.of(text);
                for (NaiveRule rule : rules) {
                    if (naiveMatches(rule, m)) {
                        matched++;
                        break;
                    }
                }
            }
        }
        long nanos = System.nanoTime() - start;
        if (matched == 0) throw new IllegalStateException("nothing matched");
        return corpus.size() * 10 / (nanos / 1e9);
    }

    private static boolean naiveMatches(NaiveRule rule, NormalizedMessage m) {
        if (m.compact().contains("不要回复")) return false;
        return switch (rule.mode) {
            case EXACT -> rule.words.contains(m.compact());
            case REGEX -> rule.regex.matcher(m.folded()).find();
            case ALL_OF -> rule.words.stream().allMatch(m.compact()::contains);
            case CONTAINS, ANY_OF -> rule.words.stream().anyMatch(m.compact()::contains);
        };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private KeywordEngineBench() {}
}
