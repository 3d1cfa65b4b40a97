package io.dmpilot.sim.load;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code dm.dispatch-outcomes.v1} from its end at the start of a run, as a BI consumer would, without a
 * consumer group: a load run must not move any offset the platform or analytics rely on.
 */
final class OutcomeWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutcomeWatcher.class);

    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    OutcomeWatcher(String bootstrapServers, String accountPrefix, Consumer<DispatchOutcome> sink) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                // a position the broker no longer knows (it restarted mid-run) must not skip ahead and lose
                // outcomes: from the start again, the tally drops what it has already seen by outcomeId
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"));
        List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.DISPATCH_OUTCOMES, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end offsets now: what is written after this line belongs to the run
        partitions.forEach(consumer::position);
        poller = new Thread(() -> poll(accountPrefix, sink), "load-outcome-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll(String accountPrefix, Consumer<DispatchOutcome> sink) {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read(record.value(), accountPrefix, sink);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.errorf(e, "outcome watcher stopped");
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static void read(String json, String accountPrefix, Consumer<DispatchOutcome> sink) {
        try {
            DispatchOutcome outcome = EventJson.read(json, DispatchOutcome.class);
            if (outcome.accountOpenId() != null && outcome.accountOpenId().startsWith(accountPrefix)) {
                sink.accept(outcome);
            }
        } catch (RuntimeException malformed) {
            // dispatch dead-letters what it cannot write; a record we cannot read is not one of this run's
            LOG.debugf("unreadable outcome skipped: %s", malformed.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
