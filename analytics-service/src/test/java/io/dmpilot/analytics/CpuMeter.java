package io.dmpilot.analytics;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM (the service under test, its Kafka consumers and the benchmark's
 * producer) and by every PostgreSQL process on the machine (Linux /proc; other databases' sessions count
 * too, so read it on a quiet database). Differences of two readings are what a round cost.
 */
record CpuMeter(long jvmNanos, long postgresNanos) {
    /** USER_HZ: the unit of utime/stime in /proc/[pid]/stat; 100 on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuMeter now() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuMeter(os.getProcessCpuTime(), postgresTicks() * NANOS_PER_TICK);
    }

    CpuMeter since(CpuMeter start) {
        return new CpuMeter(jvmNanos - start.jvmNanos, postgresNanos - start.postgresNanos);
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuMeter::ticksIfPostgres)
                    .sum();
        } catch (IOException e) {
            return 0; // not Linux: the JVM figure alone
        }
    }

    /** Fields 14 and 15 of /proc/[pid]/stat, counted after the parenthesised command name. */
    private static long ticksIfPostgres(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) return 0;
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended while being read
        }
    }
}
