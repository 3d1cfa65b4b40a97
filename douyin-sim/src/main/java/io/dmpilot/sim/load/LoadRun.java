package io.dmpilot.sim.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.dmpilot.contracts.douyin.DouyinSignature;
import io.dmpilot.contracts.douyin.DouyinWebhook;
import io.dmpilot.contracts.douyin.HostileWebhooks;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.sim.SendLog;
import io.dmpilot.sim.SimConfig;
import io.dmpilot.sim.WebhookDelivery;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * One load run, start to end: create the accounts, wait until ingest routes them, send the schedule's
 * messages as signed webhooks at their due times, then wait for every accepted message's terminal outcome.
 * Progress is readable at any time through {@link #status()}.
 */
public final class LoadRun implements Runnable {
    private static final Logger LOG = Logger.getLogger(LoadRun.class);
    private static final long WARM_UP_NANOS = 120_000_000_000L;

    public enum Phase {
        PROVISIONING,
        WARMING_UP,
        RUNNING,
        DRAINING,
        DONE,
        FAILED
    }

    private final String id;
    private final LoadPlan plan;
    private final TrafficShape shape;
    private final OpenLoopSchedule schedule;
    private final RunTally tally;
    private final AccountProvisioner provisioner;
    private final WebhookDelivery delivery;
    private final SendLog sendLog;
    private final SimConfig config;
    private final HostileWebhooks hostile;
    private final AtomicLong hostileFired = new AtomicLong();
    private final AtomicLong fired = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLongArray maxFiringLagNanos;
    private final Instant startedAt = Instant.now();
    private volatile Phase phase = Phase.PROVISIONING;
    private volatile int currentStep;
    private volatile LagSampler lag;
    private volatile String error;
    private volatile Instant finishedAt;

    public LoadRun(String id, LoadPlan plan, WebhookDelivery delivery, SendLog sendLog, SimConfig config) {
        this.id = id;
        this.plan = plan;
        this.shape = new TrafficShape(id, plan);
        this.schedule = new OpenLoopSchedule(plan.rates(), plan.stepSeconds());
        this.tally = new RunTally(schedule.steps(), "conv-" + id + "-x");
        this.hostile = new HostileWebhooks(plan.seed(), id + "-x", config.clientSecret(), shape.accountOpenId(0));
        this.provisioner = new AccountProvisioner(config.rulesUrl(), config.operatorKey());
        this.delivery = delivery;
        this.sendLog = sendLog;
        this.config = config;
        this.maxFiringLagNanos = new AtomicLongArray(schedule.steps());
    }

    @Override
    public void run() {
        try {
            LOG.infof(
                    "load run %s: %d accounts, rates %s msg/s × %d s",
                    id, plan.accounts(), plan.rates(), plan.stepSeconds());
            provisioner.provision(shape, plan.accounts());
            phase = Phase.WARMING_UP;
            warmUp();
            try (AutoCloseable replies = sendLog.listen((message, at) -> tally.sent(message.msgId(), at));
                    OutcomeWatcher outcomes =
                            new OutcomeWatcher(config.kafkaBootstrapServers(), id + "-a", tally::outcome);
                    LagSampler lagSampler = new LagSampler(
                            config.kafkaBootstrapServers(), config.platformGroupPrefix(), () -> currentStep)) {
                lag = lagSampler;
                phase = Phase.RUNNING;
                fireSchedule();
                phase = Phase.DRAINING;
                drain();
            }
            phase = Phase.DONE;
            LOG.infof("load run %s done: %s", id, tally.outcomes());
        } catch (Exception | AssertionError e) {
            error = e.toString();
            phase = Phase.FAILED;
            LOG.errorf(e, "load run %s failed", id);
        } finally {
            finishedAt = Instant.now();
        }
    }

    /** Accounts reach ingest through config.changes.v1: wait until a sample of them is routed. */
    private void warmUp() {
        long deadline = System.nanoTime() + WARM_UP_NANOS;
        for (int account : new int[] {0, plan.accounts() / 2, plan.accounts() - 1}) {
            int probe = 0;
            while (!"accepted".equals(resultOf(deliver(account, "warm-" + probe++, "你好")))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "ingest does not route " + shape.accountOpenId(account) + " after 120 s");
                }
                LockSupport.parkNanos(500_000_000L);
            }
        }
    }

    private WebhookDelivery.Answer deliver(int account, String suffix, String text) {
        String tag = id + "-" + suffix;
        return delivery.deliverReading(DouyinWebhook.userMessage(
                        config.clientKey(), shape.accountOpenId(account), tag, tag, tag, text))
                .await()
                .indefinitely();
    }

    private void fireSchedule() {
        long start = System.nanoTime();
        for (long i = 0; i < schedule.size(); i++) {
            long due = start + schedule.dueNanos(i);
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            int step = schedule.stepOf(i);
            currentStep = step;
            maxFiringLagNanos.accumulateAndGet(step, System.nanoTime() - due, Math::max);
            fire(i, step, due);
        }
    }

    private void fire(long index, int step, long due) {
        TrafficShape.Sender sender = shape.senderOf(index);
        String messageId = id + "-m" + index;
        String text = MessageCorpus.pick(new SplittableRandom(plan.seed() * 1_000_003L + index));
        tally.due(messageId, step, due);
        fired.incrementAndGet();
        DouyinWebhook webhook = DouyinWebhook.userMessage(
                        config.clientKey(),
                        sender.accountOpenId(),
                        sender.userOpenId(),
                        sender.conversationId(),
                        messageId,
                        text)
                .withNickname("用户" + index % 1000);
        delivery.deliverReading(webhook).subscribe().with(answer -> {
            tally.webhookAnswered(messageId, resultOf(answer), eventIdOf(answer));
            answered.incrementAndGet();
            if (isHostileTurn(index) && index % 5 == 0) replay(webhook);
        });
        if (isHostileTurn(index) && index % 5 != 0) fireHostile();
    }

    /** A spread of the run's messages, {@code hostilePercent} per hundred, is followed by a hostile request. */
    private boolean isHostileTurn(long index) {
        return index * 37 % 100 < plan.hostilePercent();
    }

    private void fireHostile() {
        HostileWebhooks.Request request = hostile.next((int) hostileFired.getAndIncrement());
        delivery.post(request.body(), request.signature(), request.contentType())
                .subscribe()
                .with(answer ->
                        tally.hostileAnswered(request.kind(), answer.status(), resultOf(answer), eventIdOf(answer)));
    }

    /** The platform delivering an accepted message again: it must be answered "duplicate" and not answered twice. */
    private void replay(DouyinWebhook webhook) {
        hostileFired.incrementAndGet();
        delivery.post(
                        webhook.body(false),
                        DouyinSignature.sign(config.clientSecret(), webhook.body(false)),
                        "application/json")
                .subscribe()
                .with(answer -> tally.hostileAnswered("replay", answer.status(), resultOf(answer), null));
    }

    /** Until every webhook is answered and every accepted message has its terminal outcome, or time is up. */
    private void drain() {
        long deadline = System.nanoTime() + plan.drainSeconds() * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (answered.get() == schedule.size() && tally.withoutOutcome() == 0) return;
            LockSupport.parkNanos(200_000_000L);
        }
    }

    static String resultOf(WebhookDelivery.Answer answer) {
        if (answer.status() == 0) return "unanswered";
        JsonNode status = bodyOf(answer).path("status");
        return answer.accepted() && status.isTextual() ? status.asText() : "http-" + answer.status();
    }

    private static String eventIdOf(WebhookDelivery.Answer answer) {
        JsonNode eventId = bodyOf(answer).path("event_id");
        return eventId.isTextual() ? eventId.asText() : null;
    }

    private static JsonNode bodyOf(WebhookDelivery.Answer answer) {
        try {
            return EventJson.mapper().readTree(answer.body());
        } catch (Exception notJson) {
            return EventJson.mapper().missingNode();
        }
    }

    public String id() {
        return id;
    }

    public boolean finished() {
        return phase == Phase.DONE || phase == Phase.FAILED;
    }

    public RunTally tally() {
        return tally;
    }

    public LoadStatus status() {
        return LoadStatus.of(this);
    }

    LoadPlan plan() {
        return plan;
    }

    OpenLoopSchedule schedule() {
        return schedule;
    }

    Phase phase() {
        return phase;
    }

    String error() {
        return error;
    }

    long fired() {
        return fired.get();
    }

    long hostileFired() {
        return hostileFired.get();
    }

    long answered() {
        return answered.get();
    }

    int accountsReady() {
        return provisioner.created();
    }

    long maxFiringLagNanos(int step) {
        return maxFiringLagNanos.get(step);
    }

    /** Worst consumer lag per platform group while {@code step} ran (drain time counts to the last step). */
    java.util.Map<String, Long> maxLag(int step) {
        LagSampler sampler = lag;
        return sampler == null ? java.util.Map.of() : sampler.maxLag(step);
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
