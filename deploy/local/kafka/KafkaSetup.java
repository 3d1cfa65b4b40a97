import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Readiness check + idempotent topic creation for the local Kafka broker, in ONE JVM
 * (starting a TopicCommand JVM per topic costs ~1.6 s each on 2 cores). deploy/local/stack.sh
 * compiles it once into $DMPILOT_HOME/kafka/tools against the broker's jars and runs
 * {@code java -cp 'tools:libs/*' KafkaSetup ...}; {@code java -cp 'libs/*' KafkaSetup.java ...}
 * (single-file source launch) works too, ~1 s slower.
 *
 * <pre>
 * args: bootstrap startedAtMillis deadlineMillis partitions "topic [key=value ...]" ...
 * exit: 0 ok, 2 broker gave no metadata before the deadline, 3 topic creation failed
 * </pre>
 *
 * Existing topics are never deleted or recreated. Topic configs given in the spec (e.g.
 * cleanup.policy=compact) are applied to existing topics too, so a topic auto-created by a
 * service before the stack was up converges; a too-small partition count is only reported,
 * because adding partitions changes the key-to-partition mapping.
 */
public class KafkaSetup {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: KafkaSetup bootstrap startedAtMillis deadlineMillis partitions 'topic [k=v ...]' ...");
            System.exit(64);
        }
        String bootstrap = args[0];
        long startedAt = Long.parseLong(args[1]);
        long deadline = Long.parseLong(args[2]);
        int partitions = Integer.parseInt(args[3]);

        // topic name -> configs, in the order given
        Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] words = args[i].trim().split("\\s+");
            Map<String, String> configs = new LinkedHashMap<>();
            for (int w = 1; w < words.length; w++) {
                int eq = words[w].indexOf('=');
                if (eq < 1) {
                    System.err.println("kafka: bad topic config '" + words[w] + "' in '" + args[i] + "' (want key=value)");
                    System.exit(64);
                }
                configs.put(words[w].substring(0, eq), words[w].substring(eq + 1));
            }
            wanted.put(words[0], configs);
        }

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "dmpilot-local-stack");
        // short timeouts + fast reconnects: we poll a broker that is still booting
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "200");

        try (Admin admin = Admin.create(props)) {
            // 1. readiness: a metadata call must succeed (an open port alone is not enough)
            Set<String> existing = null;
            Throwable lastError = null;
            while (existing == null) {
                try {
                    existing = admin.listTopics(new ListTopicsOptions().timeoutMs(3000)).names().get();
                } catch (ExecutionException e) {
                    lastError = e.getCause();
                    if (System.currentTimeMillis() > deadline) {
                        System.err.println("kafka: no metadata from " + bootstrap + " before the deadline: " + lastError);
                        System.exit(2);
                    }
                    Thread.sleep(200);
                }
            }
            System.out.printf("kafka: ready on %s (%.1f s)%n", bootstrap, (System.currentTimeMillis() - startedAt) / 1000.0);

            // 2. create what is missing, all in one request; retry transient errors until the deadline
            List<NewTopic> missing = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> t : wanted.entrySet()) {
                if (!existing.contains(t.getKey())) {
                    missing.add(new NewTopic(t.getKey(), partitions, (short) 1).configs(t.getValue()));
                }
            }
            int created = 0;
            while (!missing.isEmpty()) {
                CreateTopicsResult result = admin.createTopics(missing);
                List<NewTopic> retry = new ArrayList<>();
                Throwable retryCause = null;
                for (NewTopic nt : missing) {
                    try {
                        result.values().get(nt.name()).get();
                        created++;
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof TopicExistsException) {
                            continue; // created concurrently (e.g. auto-created by a service): fine
                        }
                        if (e.getCause() instanceof RetriableException && System.currentTimeMillis() < deadline) {
                            retry.add(nt);
                            retryCause = e.getCause();
                            continue;
                        }
                        System.err.println("kafka: creating topic " + nt.name() + " failed: " + e.getCause());
                        System.exit(3);
                    }
                }
                missing = retry;
                if (!missing.isEmpty()) {
                    System.err.println("kafka: retrying " + missing.size() + " topic(s): " + retryCause);
                    Thread.sleep(500);
                }
            }

            // 3. converge configs / report partition counts of topics that already existed
            List<String> preExisting = new ArrayList<>();
            for (String name : wanted.keySet()) {
                if (existing.contains(name)) {
                    preExisting.add(name);
                }
            }
            int altered = 0;
            if (!preExisting.isEmpty()) {
                Map<String, TopicDescription> descriptions = admin.describeTopics(preExisting).allTopicNames().get();
                List<String> fewer = new ArrayList<>();
                for (String name : preExisting) {
                    int n = descriptions.get(name).partitions().size();
                    if (n < partitions) {
                        fewer.add(name + "=" + n);
                    }
                }
                if (!fewer.isEmpty()) {
                    System.out.printf("kafka: note: %d existing topic(s) have fewer than %d partitions, left as they are: %s%n",
                            fewer.size(), partitions, String.join(", ", fewer));
                }
                List<ConfigResource> resources = new ArrayList<>();
                for (String name : preExisting) {
                    if (!wanted.get(name).isEmpty()) {
                        resources.add(new ConfigResource(ConfigResource.Type.TOPIC, name));
                    }
                }
                if (!resources.isEmpty()) {
                    Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get();
                    Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
                    for (ConfigResource r : resources) {
                        List<AlterConfigOp> changes = new ArrayList<>();
                        for (Map.Entry<String, String> c : wanted.get(r.name()).entrySet()) {
                            ConfigEntry entry = current.get(r).get(c.getKey());
                            if (entry == null || !c.getValue().equals(entry.value())) {
                                changes.add(new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET));
                                System.out.printf("kafka: setting %s=%s on existing topic %s%n", c.getKey(), c.getValue(), r.name());
                            }
                        }
                        if (!changes.isEmpty()) {
                            ops.put(r, changes);
                        }
                    }
                    if (!ops.isEmpty()) {
                        admin.incrementalAlterConfigs(ops).all().get();
                        altered = ops.size();
                    }
                }
            }
            System.out.printf("kafka: %d topics present (%d created%s)%n", wanted.size(), created,
                    altered > 0 ? ", " + altered + " reconfigured" : "");
        }
    }
}
