package io.dmpilot.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves the test profile's consumer groups to the end of their topics before the application starts. The
 * topics are shared with other suites, benchmarks and a running platform: a suite must consume only the
 * records it sends, not replay everything the broker holds. The groups come from the module's own
 * {@code application.properties} ({@code %test.mp.messaging.incoming.<channel>.group.id}).
 */
final class ConsumerGroupsAtEnd {
    static void apply(String bootstrap) {
        Map<String, String> topicsByGroup = testGroups(Path.of("src/main/resources/application.properties"));
        if (topicsByGroup.isEmpty()) return;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (Map.Entry<String, String> entry : topicsByGroup.entrySet()) {
                moveToEnd(admin, entry.getKey(), entry.getValue());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not move the test consumer groups to the end of their topics", e);
        }
    }

    private static void moveToEnd(Admin admin, String group, String topic) throws Exception {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, new OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
    }

    private static Map<String, String> testGroups(Path file) {
        Map<String, String> groups = new HashMap<>();
        if (!Files.exists(file)) return groups;
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            return groups;
        }
        String prefix = "%test.mp.messaging.incoming.";
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.endsWith(".group.id")) {
                String channel = key.substring(prefix.length(), key.length() - ".group.id".length());
                String topic = properties.getProperty("mp.messaging.incoming." + channel + ".topic");
                if (topic != null) groups.put(properties.getProperty(key), topic);
            }
        }
        return groups;
    }

    private ConsumerGroupsAtEnd() {}
}
