package io.dmpilot.testing;

import io.dmpilot.contracts.serde.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads a topic from its end as a test sees it: open before acting, then wait for the records the action
 * should produce. Also writes raw records, for tests that feed a consumer directly.
 */
public final class TopicProbe implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        // poll until partitions are assigned, so "latest" is fixed before the test acts
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return !consumer.assignment().isEmpty();
        });
        consumer.assignment().forEach(tp -> consumer.position(tp));
    }

    public static TopicProbe open(String bootstrap, String topic) {
        return new TopicProbe(bootstrap, topic);
    }

    /** Opens on the broker of the running test: the test resource's, else the local stack's. */
    public static TopicProbe open(String topic) {
        return open(bootstrap(), topic);
    }

    static String bootstrap() {
        return ConfigProvider.getConfig()
                .getOptionalValue("kafka.bootstrap.servers", String.class)
                .orElseGet(LocalAddresses::kafka);
    }

    /** Waits until at least one record matching the predicate has arrived, and returns all that match. */
    public <T> List<T> awaitRecords(Class<T> type, Predicate<T> match, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> {
            poll();
            return !matching(type, match).isEmpty();
        });
        return matching(type, match);
    }

    /** Every matching record seen so far, after one more poll. */
    public <T> List<T> records(Class<T> type, Predicate<T> match) {
        poll();
        return matching(type, match);
    }

    public List<ConsumerRecord<String, String>> rawRecords() {
        poll();
        return List.copyOf(seen);
    }

    private <T> List<T> matching(Class<T> type, Predicate<T> match) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<String, String> record : seen) {
            try {
                T event = EventJson.read(record.value(), type);
                if (match.test(event)) out.add(event);
            } catch (RuntimeException notThisType) {
                // other records on the topic (other tests, other shapes) are not ours
            }
        }
        return out;
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    public static void send(String topic, String key, String value) {
        send(List.of(new ProducerRecord<>(topic, key, value)));
    }

    /**
     * Writes the records, with their headers, before waiting for any acknowledgement: what accumulates meanwhile
     * goes out in one request, so the records reach a consumer in as few polls as the broker allows.
     */
    public static void send(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<?>> acks = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) acks.add(producer.send(record));
            for (Future<?> ack : acks) ack.get();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not write to "
                            + records.stream()
                                    .map(ProducerRecord::topic)
                                    .distinct()
                                    .toList(),
                    e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
