package io.dmpilot.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gives a {@code @QuarkusTest} real Kafka, Redis and PostgreSQL. {@code TEST_SERVICES_MODE} chooses:
 * {@code local} uses the services of {@code deploy/local/stack.sh} (addresses from the same environment
 * variables the services read), {@code containers} starts Testcontainers, {@code auto} (default) asks
 * Docker first. Init arg {@code services} names what the test needs, e.g. {@code kafka,postgres}; Redis always
 * comes along (API keys), and every service gets the tests' superadmin key {@link OperatorKeys#LOCAL_BOOTSTRAP} and service key
 * {@link OperatorKeys#LOCAL_SERVICE}.
 */
public class TestServices implements QuarkusTestResourceLifecycleManager {
    private Set<String> wanted = Set.of("kafka", "redis", "postgres");
    private ContainerServices containers;

    @Override
    public void init(Map<String, String> initArgs) {
        String services = initArgs.get("services");
        if (services != null) {
            // every service reads its operators' API keys from Redis (docs/SECURITY.md)
            wanted = Stream.concat(Arrays.stream(services.split(",")), Stream.of("redis"))
                    .map(String::trim)
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (useContainers()) {
            containers = new ContainerServices(wanted);
            config.putAll(containers.start());
        } else {
            config.putAll(localServices());
        }
        config.put("dmpilot.auth.bootstrap-key", OperatorKeys.LOCAL_BOOTSTRAP);
        config.put("dmpilot.auth.service-key", OperatorKeys.LOCAL_SERVICE);
        return config;
    }

    @Override
    public void stop() {
        if (containers != null) {
            containers.stop();
        }
    }

    private static boolean useContainers() {
        String mode = env("TEST_SERVICES_MODE", "auto").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "local" -> false;
            case "containers" -> true;
            default -> ContainerServices.dockerAvailable();
        };
    }

    private Map<String, String> localServices() {
        Map<String, String> config = new HashMap<>();
        if (wanted.contains("kafka")) {
            String bootstrap = LocalAddresses.kafka();
            requireReachable("Kafka", URI.create("kafka://" + bootstrap.split(",")[0]));
            config.put("kafka.bootstrap.servers", bootstrap);
            ConsumerGroupsAtEnd.apply(bootstrap);
        }
        if (wanted.contains("redis")) {
            String redis = LocalAddresses.redis();
            requireReachable("Redis", URI.create(redis));
            config.put("quarkus.redis.hosts", redis);
        }
        if (wanted.contains("postgres")) {
            String pg = LocalAddresses.postgres();
            requireReachable("PostgreSQL", URI.create(pg));
            config.put("quarkus.datasource.reactive.url", pg);
        }
        return config;
    }

    /** Fails at once with the fix, instead of a consumer retrying into a test time-out. */
    private static void requireReachable(String what, URI address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable at " + address.getHost() + ":" + address.getPort()
                    + " — start the local stack with `deploy/local/stack.sh up`, or set TEST_SERVICES_MODE=containers"
                    + " where Docker runs");
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
