package io.procmem.deploy.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link ServiceSpec} as a child JVM on this JVM's own classpath, and stops such processes.
 *
 * <p>Every child carries {@code -Dprocmem.service=<name>} early on its command line: a pid read back from a file is
 * trusted only if the process behind it still carries that marker, so a pid reused by an unrelated process is never
 * signalled. Children log through {@value #LOGGING} (WARN, procmem at INFO) to standard output, which goes to
 * their log file; stdin is {@code /dev/null}.
 *
 * <p>A detached child is started under {@code setsid} where it exists (Linux), so it leaves the terminal's process
 * group: closing the terminal or pressing Ctrl-C during {@code procmem up} does not take it down. Without
 * {@code setsid} (macOS) the child still outlives {@code up}, but shares its terminal's signals.
 */
public final class ChildJvm {
    /** Logging configuration (a classpath resource) used by every child. */
    public static final String LOGGING = "procmem-service-logback.xml";
    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final String MARKER = "-Dprocmem.service=";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildJvm() {
    }

    /** Starts the service with its output appended to {@code logFile}; returns once the process exists. */
    public static Process start(ServiceSpec spec, Path logFile, boolean detached) throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(SETSID)) {
            // setsid execs in place when its caller is not a group leader (a spawned child never is): same pid.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(MARKER + spec.name());
        command.add("-Xmx" + spec.heap());
        command.add("-Dlogback.configurationFile=" + LOGGING);
        command.add(spec.mainClass());
        command.addAll(spec.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        // The classpath goes in the environment, not -cp: the JDK reports a process's arguments only while its
        // command line fits in a page (4 KiB on Linux), and isService needs them.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        LOG.debug("started {} as pid {}: {}", spec.name(), process.pid(), command);
        return process;
    }

    /** True if the process is alive and is the child started for {@code service}. */
    public static boolean isService(ProcessHandle process, String service) {
        String marker = MARKER + service;
        return process.isAlive() && process.info().arguments()
                .map(args -> List.of(args).contains(marker))
                .orElse(false);
    }

    /**
     * Asks the process to stop (SIGTERM), waits up to {@code grace}, then kills it.
     *
     * @return true if it stopped by itself within the grace period
     */
    public static boolean stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.warn("pid {} did not stop within {} s after SIGTERM: killing it", process.pid(), grace.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for pid " + process.pid() + " to stop", e);
        } catch (ExecutionException e) {
            throw new StackException("cannot wait for pid " + process.pid() + " to stop", e.getCause());
        }
    }
}
