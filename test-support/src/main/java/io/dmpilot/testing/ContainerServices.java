package io.dmpilot.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The Testcontainers path, used where a Docker engine answers (a laptop, a hosted CI). */
final class ContainerServices {
    private final Set<String> wanted;
    private KafkaContainer kafka;
    private GenericContainer<?> redis;
    private PostgreSQLContainer postgres;

    ContainerServices(Set<String> wanted) {
        this.wanted = wanted;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (wanted.contains("kafka")) {
            kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
            config.put("kafka.bootstrap.servers", kafka.getBootstrapServers());
        }
        if (wanted.contains("redis")) {
            redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
            config.put("quarkus.redis.hosts", "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
        }
        if (wanted.contains("postgres")) {
            postgres = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName("dmpilot");
            postgres.start();
            config.put(
                    "quarkus.datasource.reactive.url",
                    "postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/dmpilot");
            config.put("quarkus.datasource.username", postgres.getUsername());
            config.put("quarkus.datasource.password", postgres.getPassword());
        }
        return config;
    }

    void stop() {
        if (kafka != null) kafka.stop();
        if (redis != null) redis.stop();
        if (postgres != null) postgres.stop();
    }
}
