package io.dmpilot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench report's "where each process' CPU went" (deploy/local/AsyncProfiler.java, run as the bench runs it):
 * a sample counts for the library running at the top of its stack, JVM-internal work for the JVM, the thread for
 * its pool.
 */
class AsyncProfilerSummaryTest {
    private static final Path SCRIPT = Overlay.ROOT.resolve("deploy/local/AsyncProfiler.java");

    @TempDir
    Path dir;

    @Test
    void samplesCountForTheLibraryAtTheTopOfTheStackAndJvmWorkForTheJvm() throws Exception {
        Path stacks = dir.resolve("svc.collapsed");
        Files.writeString(
                stacks,
                String.join(
                        "\n",
                        // a socket write in the kernel under the Kafka client: the Kafka client's
                        "[kafka-producer-network-thread | producer-1 tid=11];java/lang/Thread.run;"
                                + "org/apache/kafka/clients/producer/internals/Sender.run;"
                                + "org/apache/kafka/clients/NetworkClient.poll;sun/nio/ch/FileDispatcherImpl.writev0;"
                                + "writev;do_writev_[k] 30",
                        // our code under Vert.x, calling a HashMap: ours
                        "[vert.x-eventloop-thread-0 tid=12];io/vertx/core/impl/ContextImpl.run;"
                                + "io/dmpilot/rules/ReplyPlanner.plan;java/util/HashMap.get 10",
                        "[vert.x-eventloop-thread-1 tid=13];io/netty/channel/nio/NioEventLoop.run;"
                                + "com/fasterxml/jackson/databind/ObjectMapper.readValue 10",
                        // a collection, whatever Java code asked for the memory: the garbage collector's
                        "[VM Thread tid=2];VMThread::run;VM_GenCollectForAllocation::doit;GenCollectedHeap::do_collection 40",
                        "[C1 CompilerThread0 tid=3];CompileBroker::compiler_thread_loop;Compilation::compile_method 10",
                        ""));

        String summary = run(stacks);

        assertTrue(summary.contains("##### svc: 100 CPU samples"), summary);
        assertRow(summary, "Kafka client", "30.0");
        assertRow(summary, "dmpilot", "10.0");
        assertRow(summary, "Jackson", "10.0");
        assertRow(summary, "garbage collector", "40.0");
        assertRow(summary, "JIT compiler", "10.0");
        // numbered threads count as their pool; a pipe in a thread's name does not break the table
        assertRow(summary, "vert.x-eventloop-thread", "20.0");
        assertRow(summary, "kafka-producer-network-thread \\| producer", "30.0");
        assertRow(summary, "Kafka producer: sender thread (produce requests, acks)", "30.0");
        assertTrue(summary.contains("In the kernel (system calls, scheduler): 30.0 % of the samples."), summary);
    }

    private static void assertRow(String summary, String name, String share) {
        assertTrue(
                summary.contains("| " + name + " | " + share + " % |"),
                () -> name + " at " + share + " %:\n" + summary);
    }

    private static String run(Path stacks) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), SCRIPT.toString(), "summary", "svc", stacks.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the summary did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
