import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * async-profiler (Maven Central {@code tools.profiler:async-profiler}) for the bench: attaches it to a running JVM,
 * and sums up its collapsed stacks as Markdown for the report.
 *
 * <p>It sees what JFR's execution samples cannot: JVM-internal frames (GC, the JIT compiler), native code (ONNX
 * Runtime) and the kernel (socket writes, epoll, futex wake-ups), so its shares add up to the process' whole CPU.
 *
 * <pre>
 * java deploy/local/AsyncProfiler.java attach &lt;pid&gt; &lt;libasyncProfiler.so&gt; &lt;agent options&gt;
 * java deploy/local/AsyncProfiler.java summary &lt;process&gt; &lt;collapsed stacks (threads option on)&gt;
 * </pre>
 *
 * <p>{@code jcmd JVMTI.agent_load} cannot pass the agent's options: it reads their {@code key=value} as its own.
 */
public class AsyncProfiler {

    private static final Pattern THREAD_NUMBER = Pattern.compile("[-# ]?\\d+$|-\\d+(-\\d+)*$");
    private static final Pattern STACK_LINE = Pattern.compile("^(\\S.*) (\\d+)$");
    private static final Pattern THREAD_FRAME = Pattern.compile("^\\[(.*?)(?: tid=\\d+)?]$");

    /** The library a Java frame belongs to, by package, first match wins (so the specific come first). */
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"io/dmpilot/", "dmpilot"},
            new String[] {"org/apache/kafka/server/", "Kafka broker"},
            new String[] {"org/apache/kafka/storage/", "Kafka broker"},
            new String[] {"org/apache/kafka/raft/", "Kafka broker"},
            new String[] {"kafka/", "Kafka broker"},
            new String[] {"org/apache/kafka/", "Kafka client"},
            new String[] {"io/smallrye/reactive/messaging/", "SmallRye Messaging"},
            new String[] {"io/smallrye/mutiny/", "Mutiny"},
            new String[] {"io/smallrye/", "SmallRye (other)"},
            new String[] {"io/netty/", "Netty"},
            new String[] {"io/vertx/redis/", "Redis client"},
            new String[] {"io/vertx/pgclient/", "PostgreSQL client"},
            new String[] {"io/vertx/sqlclient/", "PostgreSQL client"},
            new String[] {"io/vertx/", "Vert.x"},
            new String[] {"org/hibernate/", "Hibernate Reactive"},
            new String[] {"com/fasterxml/jackson/", "Jackson"},
            new String[] {"io/micrometer/", "Micrometer"},
            new String[] {"io/opentelemetry/", "OpenTelemetry"},
            new String[] {"io/quarkus/", "Quarkus"},
            new String[] {"org/jboss/logmanager/", "logging"},
            new String[] {"org/jboss/logging/", "logging"},
            new String[] {"org/jboss/resteasy/", "Quarkus REST"},
            new String[] {"org/jboss/", "JBoss (other)"},
            new String[] {"ai/onnxruntime/", "ONNX Runtime (sentence encoder)"},
            new String[] {"dev/langchain4j/", "ONNX Runtime (sentence encoder)"},
            new String[] {"ai/djl/", "ONNX Runtime (sentence encoder)"},
            new String[] {"org/HdrHistogram/", "HdrHistogram"},
            new String[] {"com/github/benmanes/caffeine/", "Caffeine"});

    /**
     * Operations worth seeing whole: a sample counts for each one with any of its frames on its stack. Only
     * operations that call no one else's code: in a reactive service a Redis reply or an HTTP request runs the
     * rest of the pipeline's work as its continuation, so "Redis on the stack" would count far more than Redis.
     */
    private static final Map<String, List<String>> OPERATIONS = operations();

    private static Map<String, List<String>> operations() {
        Map<String, List<String>> ops = new LinkedHashMap<>();
        ops.put("Kafka consumer: poll (fetches, records, offsets)", List.of("consumer/KafkaConsumer.poll"));
        ops.put("Kafka producer: send (serialise, append to a batch)", List.of("producer/KafkaProducer.send"));
        ops.put("Kafka producer: sender thread (produce requests, acks)", List.of("producer/internals/Sender.run"));
        ops.put("Kafka client: network I/O (NetworkClient.poll)", List.of("clients/NetworkClient.poll"));
        ops.put("waiting for sockets (epoll)", List.of("EPoll.wait", "epollWait", "epoll_wait"));
        ops.put("JSON (Jackson)", List.of("com/fasterxml/jackson/"));
        ops.put("logging", List.of("org/jboss/logmanager/"));
        ops.put("sentence encoder (ONNX Runtime)", List.of("ai/onnxruntime/"));
        return ops;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("attach")) {
            VirtualMachine vm = VirtualMachine.attach(args[1]);
            try {
                vm.loadAgentPath(args[2], args[3]);
            } finally {
                vm.detach();
            }
        } else if (args.length == 3 && args[0].equals("summary")) {
            summary(args[1], Path.of(args[2]));
        } else {
            System.err.println("usage: java AsyncProfiler.java attach <pid> <lib> <options> | summary <process> <collapsed>");
            System.exit(2);
        }
    }

    private static void summary(String process, Path collapsed) throws IOException {
        Tally tally = new Tally();
        try (Stream<String> lines = Files.lines(collapsed)) {
            lines.forEach(tally::add);
        }
        System.out.printf("##### %s: %,d CPU samples%n%n", process, tally.samples);
        print("thread pool", tally.threads, tally.samples, 8);
        print("running code (first library frame from the top; JVM and kernel frames count for the Java code above them)",
                tally.running, tally.samples, 12);
        print("operation (anywhere on the stack: the shares overlap)", tally.operations, tally.samples, OPERATIONS.size());
        System.out.printf("In the kernel (system calls, scheduler): %.1f %% of the samples.%n%n",
                100.0 * tally.kernel / Math.max(1, tally.samples));
    }

    private static void print(String what, Map<String, Long> counts, long total, int limit) {
        System.out.printf("| %s | share of CPU samples |%n|---|---:|%n", what);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .forEach(e -> System.out.printf(
                        "| %s | %.1f %% |%n", e.getKey().replace("|", "\\|"), 100.0 * e.getValue() / Math.max(1, total)));
        System.out.println();
    }

    /** Where a stack's time went, its frames listed from the thread (root) to the running frame (leaf). */
    static String runningCode(List<String> frames) {
        String jvm = jvmWork(frames);
        if (jvm != null) return jvm;
        for (int i = frames.size() - 1; i >= 0; i--) {
            String library = libraryOf(frames.get(i));
            if (library != null) return library;
        }
        return frames.stream().anyMatch(AsyncProfiler::isJava)
                ? "JDK alone (threads of the JDK's own)"
                : "JVM or native (other)";
    }

    /** Work the JVM does for itself rather than for the Java code on the stack. */
    private static String jvmWork(List<String> frames) {
        for (String frame : frames) {
            if (frame.contains("CompileBroker::")) return "JIT compiler";
            if (frame.startsWith("VM_") && frame.contains("Collect")
                    || frame.contains("GenCollectedHeap::")
                    || frame.contains("SerialHeap::")
                    || frame.contains("G1CollectedHeap::")) return "garbage collector";
        }
        return null;
    }

    static String libraryOf(String frame) {
        for (String[] library : LIBRARIES) {
            if (frame.startsWith(library[0])) return library[1];
        }
        return null;
    }

    private static boolean isJava(String frame) {
        return frame.indexOf('/') > 0 && !frame.contains("::") && !frame.endsWith("_[k]");
    }

    /** Numbered threads of one pool ("vert.x-eventloop-thread-1", "executor-thread-7") count as the pool. */
    static String poolOf(String threadName) {
        if (threadName.startsWith("tid=")) return "threads without a Java name";
        return THREAD_NUMBER.matcher(threadName).replaceAll("");
    }

    private static final class Tally {
        final Map<String, Long> threads = new LinkedHashMap<>();
        final Map<String, Long> running = new LinkedHashMap<>();
        final Map<String, Long> operations = new LinkedHashMap<>();
        long samples;
        long kernel;

        /** One line of collapsed stacks: frames from the root, ";"-separated, a space, the sample count. */
        void add(String line) {
            var stackAndCount = STACK_LINE.matcher(line);
            if (!stackAndCount.matches()) return; // blank, or cut short by a profiler stopped mid-write
            long count = Long.parseLong(stackAndCount.group(2));
            List<String> frames = new ArrayList<>(List.of(stackAndCount.group(1).split(";")));
            samples += count;
            var thread = THREAD_FRAME.matcher(frames.get(0));
            if (thread.matches()) {
                threads.merge(poolOf(thread.group(1)), count, Long::sum);
                frames.remove(0);
            }
            if (frames.isEmpty()) {
                running.merge("JVM or native (other)", count, Long::sum);
                return;
            }
            running.merge(runningCode(frames), count, Long::sum);
            if (frames.get(frames.size() - 1).endsWith("_[k]")) kernel += count;
            String stack = String.join(";", frames);
            OPERATIONS.forEach((name, markers) -> {
                if (markers.stream().anyMatch(stack::contains)) operations.merge(name, count, Long::sum);
            });
        }
    }
}
