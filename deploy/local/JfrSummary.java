import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one service's CPU went during a bench run, from its JFR recording, as Markdown lines for the report.
 *
 * <p>Two views, because each misses what the other sees: thread CPU (jdk.ThreadCPULoad) counts every thread,
 * the JIT compiler and GC included, but cannot tell what a worker thread was doing; execution samples
 * (jdk.ExecutionSample) tell which library was running, but only for Java code. A sample counts for the first
 * frame from the top that is not the JDK's own, so a HashMap lookup or a socket write counts for the library that
 * called it; "any io.dmpilot frame on the stack" is the share our own code started.
 *
 * <p>Run with the JDK's source launcher: {@code java deploy/local/JfrSummary.java <service> <recording.jfr>}.
 */
public class JfrSummary {

    private static final Pattern THREAD_NUMBER = Pattern.compile("[-# ]?\\d+$|-\\d+(-\\d+)*$");

    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"io.dmpilot.", "dmpilot"},
            new String[] {"org.apache.kafka.", "Kafka client"},
            new String[] {"io.smallrye.reactive.messaging.", "SmallRye Messaging"},
            new String[] {"io.smallrye.mutiny.", "Mutiny"},
            new String[] {"io.smallrye.", "SmallRye (other)"},
            new String[] {"io.netty.", "Netty"},
            new String[] {"io.vertx.redis.", "Redis client"},
            new String[] {"io.vertx.pgclient.", "PostgreSQL client"},
            new String[] {"io.vertx.sqlclient.", "PostgreSQL client"},
            new String[] {"io.vertx.", "Vert.x"},
            new String[] {"org.hibernate.", "Hibernate Reactive"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"io.micrometer.", "Micrometer"},
            new String[] {"io.opentelemetry.", "OpenTelemetry"},
            new String[] {"io.quarkus.", "Quarkus"},
            new String[] {"org.jboss.logmanager.", "logging"},
            new String[] {"org.jboss.logging.", "logging"},
            new String[] {"org.jboss.resteasy.", "RESTEasy Reactive (Quarkus REST)"},
            new String[] {"org.jboss.", "JBoss (other)"},
            new String[] {"ai.djl.", "DJL / ONNX (sentence encoder)"},
            new String[] {"com.github.benmanes.caffeine.", "Caffeine"},
            new String[] {"java.", "JDK"},
            new String[] {"jdk.", "JDK"},
            new String[] {"sun.", "JDK"});

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java JfrSummary.java <service> <recording.jfr>");
            System.exit(2);
        }
        Tally tally = read(Path.of(args[1]));
        System.out.printf("##### %s: %,d execution samples, %.0f s recorded%n%n", args[0], tally.samples, tally.seconds());
        printThreads(tally);
        printLibraries(tally);
    }

    private static Tally read(Path file) throws IOException {
        Tally tally = new Tally();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                tally.span(event);
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> tally.sample(event);
                    case "jdk.ThreadCPULoad" -> tally.threadLoad(event);
                    default -> {}
                }
            }
        }
        return tally;
    }

    private static void printThreads(Tally tally) {
        System.out.println("| thread pool | CPU, share of one core |");
        System.out.println("|---|---:|");
        top(tally.threadCpu, 8).forEach(e -> System.out.printf(
                "| %s | %.1f %% |%n", e.getKey(), 100 * e.getValue() / tally.loadPeriods()));
        System.out.println();
    }

    private static void printLibraries(Tally tally) {
        System.out.println("| running code (first non-JDK frame from the top) | share of samples |");
        System.out.println("|---|---:|");
        top(tally.library, 10).forEach(e -> System.out.printf(
                "| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, tally.samples)));
        System.out.printf("| *any io.dmpilot frame on the stack* | %.1f %% |%n%n",
                100.0 * tally.insideDmpilot / Math.max(1, tally.samples));
    }

    private static <K> List<Map.Entry<K, Double>> top(Map<K, Double> values, int n) {
        return values.entrySet().stream()
                .sorted(Map.Entry.<K, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .toList();
    }

    private static String callerLibrary(List<RecordedFrame> frames) {
        return frames.stream()
                .map(f -> libraryOf(f.getMethod().getType().getName()))
                .filter(library -> !library.startsWith("JDK"))
                .findFirst()
                .orElse("JDK alone (threads of the JDK's own)");
    }

    static String libraryOf(String className) {
        for (String[] library : LIBRARIES) {
            if (className.startsWith(library[0])) {
                return library[1];
            }
        }
        return "other";
    }

    /** Numbered threads of one pool ("vert.x-eventloop-thread-1", "executor-thread-7") count as the pool. */
    static String poolOf(String threadName) {
        return THREAD_NUMBER.matcher(threadName).replaceAll("");
    }

    private static final class Tally {
        final Map<String, Double> threadCpu = new HashMap<>();
        final Map<String, Double> library = new HashMap<>();
        final Map<Long, Integer> loadEventsPerThread = new HashMap<>();
        long samples;
        long insideDmpilot;
        long firstNanos = Long.MAX_VALUE;
        long lastNanos = Long.MIN_VALUE;

        void span(RecordedEvent event) {
            long at = event.getStartTime().getEpochSecond() * 1_000_000_000L + event.getStartTime().getNano();
            firstNanos = Math.min(firstNanos, at);
            lastNanos = Math.max(lastNanos, at);
        }

        void sample(RecordedEvent event) {
            if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                return;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            library.merge(callerLibrary(frames), 1.0, Double::sum);
            if (frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith("io.dmpilot."))) {
                insideDmpilot++;
            }
        }

        void threadLoad(RecordedEvent event) {
            if (event.getThread("eventThread") == null) {
                return;
            }
            String name = event.getThread("eventThread").getJavaName();
            if (name == null) {
                name = event.getThread("eventThread").getOSName();
            }
            double load = event.getFloat("user") + event.getFloat("system");
            // jdk.ThreadCPULoad's user/system are a share of the whole machine; times the cores: of one core
            threadCpu.merge(poolOf(name), load * Runtime.getRuntime().availableProcessors(), Double::sum);
            loadEventsPerThread.merge(event.getThread("eventThread").getId(), 1, Integer::sum);
        }

        /** How many load periods were recorded: the most events any one thread produced. */
        double loadPeriods() {
            return loadEventsPerThread.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        }

        double seconds() {
            return firstNanos > lastNanos ? 0 : Duration.ofNanos(lastNanos - firstNanos).toMillis() / 1000.0;
        }
    }
}
