package io.dmpilot.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged services of this build (target/quarkus-app/quarkus-run.jar) as separate JVMs, the way
 * they run in production, and stops them at the end. Logs go to douyin-sim/target/pipeline-it/.
 */
final class PackagedServices implements AutoCloseable {
    record Service(String module, int port, Map<String, String> env) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path root;
    private final Path logs;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    PackagedServices(Path root) throws IOException {
        this.root = root;
        this.logs = root.resolve("douyin-sim/target/pipeline-it");
        Files.createDirectories(logs);
    }

    PackagedServices add(String module, int port, Map<String, String> env) {
        services.put(module, new Service(module, port, env));
        return this;
    }

    Service service(String module) {
        return services.get(module);
    }

    void startAll(Map<String, String> commonEnv) throws IOException {
        for (Service service : services.values()) {
            Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
            }
            ProcessBuilder builder = new ProcessBuilder(
                    javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
            Map<String, String> env = new HashMap<>(commonEnv);
            env.putAll(service.env());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
            builder.environment().putAll(env);
            builder.redirectErrorStream(true);
            builder.redirectOutput(logs.resolve(service.module() + ".log").toFile());
            processes.put(service.module(), builder.start());
        }
        for (Service service : services.values()) {
            awaitReady(service);
        }
    }

    private void awaitReady(Service service) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Process process = processes.get(service.module());
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        service.module() + " exited with " + process.exitValue() + ":\n" + tail(service));
            }
            if (ready(service)) return;
            try {
                process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        throw new IllegalStateException(service.module() + " not ready after " + READY_TIMEOUT + ":\n" + tail(service));
    }

    private boolean ready(Service service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String tail(Service service) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve(service.module() + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
