package io.dmpilot.analytics;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.Topics;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the benchmark topics and consumer groups of its own, new for each run: the local broker is shared
 * with a running platform and other suites, whose records would otherwise be consumed and timed too.
 * The benchmark reads the topic names back from the configuration; it deletes them when it ends.
 */
public class BenchmarkTopics implements QuarkusTestProfile {
    static final Map<String, String> TOPICS_BY_CHANNEL = Map.of(
            Channels.INBOUND, Topics.INBOUND,
            Channels.REPLY_CANDIDATES, Topics.REPLY_CANDIDATES,
            Channels.REPLY_VETTED, Topics.REPLY_VETTED,
            Channels.DISPATCH_OUTCOMES, Topics.DISPATCH_OUTCOMES,
            Channels.CONVERSIONS, Topics.CONVERSIONS);

    @Override
    public Map<String, String> getConfigOverrides() {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = new HashMap<>();
        TOPICS_BY_CHANNEL.forEach((channel, topic) -> {
            String prefix = "mp.messaging.incoming." + channel + ".";
            config.put(prefix + "topic", run + "." + topic);
            config.put(prefix + "dead-letter-queue.topic", run + "." + Topics.deadLetter(topic));
            config.put(prefix + "group.id", run + "-" + channel);
        });
        return config;
    }
}
