package io.dmpilot.sim.load;

import io.dmpilot.contracts.DispatchOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Everything a run learns about its own messages: when each was due, what the webhook answered, the replies
 * the send API received (latency due→send, one HDR histogram per rate step), and the terminal outcomes seen
 * on {@code dm.dispatch-outcomes.v1}. Thread-safe: the scheduler, the HTTP client and the Kafka poller all
 * write here.
 */
public final class RunTally {
    private record Due(int step, long dueNanoTime) {}

    private final Map<String, Due> dueByMessage = new ConcurrentHashMap<>();
    private final Map<String, String> messageByEvent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sendsByMessage = new ConcurrentHashMap<>();
    private final Map<String, Long> firstArrivalByMessage = new ConcurrentHashMap<>();
    private final QuotaWatch quotas = new QuotaWatch();
    private final Map<String, Queue<String>> outcomesByEvent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> webhookResults = new ConcurrentHashMap<>();
    private final List<Histogram> latencyMicros = new ArrayList<>();
    private final LongAdder duplicateSends = new LongAdder();
    private final Set<String> seenOutcomes = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> hostileResults = new ConcurrentHashMap<>();
    private final Set<String> hostileAccepted = ConcurrentHashMap.newKeySet();
    private final Set<String> hostileOutcomeEvents = ConcurrentHashMap.newKeySet();
    private final LongAdder hostileServerErrors = new LongAdder();
    private final String hostileConversationPrefix;

    /** Outcomes in conversations starting with {@code hostileConversationPrefix} come from hostile requests. */
    public RunTally(int steps, String hostileConversationPrefix) {
        for (int i = 0; i < steps; i++) latencyMicros.add(new ConcurrentHistogram(3));
        this.hostileConversationPrefix = hostileConversationPrefix;
    }

    /**
     * A hostile request was answered. Only a validly signed, well-formed body may be accepted (the generator
     * makes some); its event may then end in one outcome, never two. A 5xx or no answer is a failure.
     */
    public void hostileAnswered(String kind, int status, String result, String eventId) {
        hostileResults
                .computeIfAbsent(kind + " → " + result, k -> new LongAdder())
                .increment();
        if (status >= 500 || status == 0) hostileServerErrors.increment();
        if ("accepted".equals(result) && eventId != null) hostileAccepted.add(eventId);
    }

    public void due(String serverMessageId, int step, long dueNanoTime) {
        dueByMessage.put(serverMessageId, new Due(step, dueNanoTime));
    }

    public void webhookAnswered(String serverMessageId, String result, String eventId) {
        webhookResults.computeIfAbsent(result, r -> new LongAdder()).increment();
        // "duplicate" to a run's own message: an earlier attempt was stored and its answer lost (a time-out while
        // Kafka restarted), so it must end in an outcome like an accepted one
        if (eventId != null && ("accepted".equals(result) || "duplicate".equals(result))) {
            messageByEvent.put(eventId, serverMessageId);
        }
    }

    /** A reply reached the send API; replies to other runs' messages are not ours to count. */
    public void sent(String inReplyTo, long arrivedNanoTime) {
        Due due = dueByMessage.get(inReplyTo);
        if (due == null) return;
        int sends = sendsByMessage
                .computeIfAbsent(inReplyTo, m -> new AtomicInteger())
                .incrementAndGet();
        if (sends > 1) {
            duplicateSends.increment();
            return;
        }
        firstArrivalByMessage.put(inReplyTo, arrivedNanoTime);
        long micros = Math.max(0, (arrivedNanoTime - due.dueNanoTime()) / 1_000);
        latencyMicros.get(due.step()).recordValue(micros);
    }

    /**
     * Outcomes are delivered at least once: a record seen again (same {@code outcomeId}, analytics' idempotency
     * key) is one outcome, not two.
     */
    public void outcome(DispatchOutcome outcome) {
        if (!outcome.outcome().terminal() || !seenOutcomes.add(outcome.outcomeId())) return;
        if (outcome.conversationId() != null && outcome.conversationId().startsWith(hostileConversationPrefix)) {
            hostileOutcomeEvents.add(outcome.inboundEventId());
        }
        outcomesByEvent
                .computeIfAbsent(outcome.inboundEventId(), e -> new ConcurrentLinkedQueue<>())
                .add(outcome.outcome().name());
        countAgainstQuota(outcome);
    }

    /**
     * A reply that reached the send API counts against its engine's tier, which only the outcome names, from the
     * moment the quota admitted it (also in the outcome). A send that timed out and ended FAILED send-unconfirmed
     * still counts: the platform took it, and dispatch kept it charged.
     */
    private void countAgainstQuota(DispatchOutcome outcome) {
        String message = messageByEvent.get(outcome.inboundEventId());
        if (message != null && firstArrivalByMessage.containsKey(message)) {
            quotas.sent(outcome.accountOpenId(), outcome.tier(), outcome.admittedAt());
        }
    }

    public QuotaWatch quotas() {
        return quotas;
    }

    public long accepted() {
        return messageByEvent.size();
    }

    /** Accepted messages still without a terminal outcome. */
    public long withoutOutcome() {
        return messageByEvent.keySet().stream()
                .filter(event -> !outcomesByEvent.containsKey(event))
                .count();
    }

    public long withSeveralOutcomes() {
        return outcomesByEvent.entrySet().stream()
                .filter(e -> isOurs(e.getKey()) && e.getValue().size() > 1)
                .count();
    }

    private boolean isOurs(String eventId) {
        return messageByEvent.containsKey(eventId) || hostileAccepted.contains(eventId);
    }

    /** Outcomes of hostile requests that were never accepted: something got past the webhook that should not. */
    public long hostileLeaked() {
        return hostileOutcomeEvents.stream()
                .filter(event -> !hostileAccepted.contains(event))
                .count();
    }

    public long hostileServerErrors() {
        return hostileServerErrors.sum();
    }

    public Map<String, Long> hostileResults() {
        return snapshot(hostileResults);
    }

    public long duplicateSends() {
        return duplicateSends.sum();
    }

    public Map<String, Long> webhookResults() {
        return snapshot(webhookResults);
    }

    /**
     * Terminal outcomes of this run's accepted messages. The topic also carries outcomes of messages sent
     * before the run or beside it (a canary, another test); counting those would break "one per message".
     */
    public Map<String, Long> outcomes() {
        Map<String, Long> counts = new TreeMap<>();
        outcomesByEvent.forEach((event, names) -> {
            if (isOurs(event)) names.forEach(name -> counts.merge(name, 1L, Long::sum));
        });
        return counts;
    }

    public Histogram latency(int step) {
        return latencyMicros.get(step).copy();
    }

    /** The step's histogram in HdrHistogram's text format, in milliseconds, for plotting and merging. */
    public String percentileDistribution(int step) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            latencyMicros.get(step).copy().outputPercentileDistribution(out, 1_000.0);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, adder) -> copy.put(key, adder.sum()));
        return copy;
    }
}
