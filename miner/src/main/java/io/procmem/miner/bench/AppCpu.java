package io.procmem.miner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent so far by one Streams application's threads in this JVM: its stream threads and the clients they
 * own (producer network threads, state updater), all named after the application id. Read from the JVM's per-thread
 * CPU clocks, it counts only the application's own work, so on a shared machine it moves far less than elapsed time
 * does. Known limit: a thread that ended between two readings takes its CPU time with it.
 */
final class AppCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AppCpu() {
    }

    /** Whether this JVM can tell threads' CPU time; when not, {@link #nanos} is 0. */
    static boolean supported() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** CPU nanoseconds of the live threads whose name contains {@code applicationId}. */
    static long nanos(String applicationId) {
        if (!supported()) {
            return 0;
        }
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(applicationId)) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
