package io.procmem.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node project in {@code src/test/js}: installs its locked dependencies with {@code npm ci} when
 * {@code node_modules} is missing, and runs its scripts with a deadline. A missing node or npm fails the test with a
 * message saying so; it never skips.
 */
final class NodeProject {
    private final Path dir;
    private final Path logs;

    NodeProject(Path dir, Path logs) {
        this.dir = dir.toAbsolutePath();
        this.logs = logs;
        if (!Files.isRegularFile(this.dir.resolve("package.json"))) {
            throw new IllegalStateException("no Node project at " + this.dir + ": run the test from the registry module");
        }
    }

    void installIfMissing() {
        if (Files.isDirectory(dir.resolve("node_modules"))) {
            return;
        }
        // The lock file pins every transitive version; npm ci refuses to run if package.json disagrees with it.
        run("npm-ci", Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
    }

    /** Runs {@code node script args...} in the project folder and returns its stdout. */
    String node(Duration deadline, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return run("node-" + script, deadline, command.toArray(String[]::new));
    }

    private String run(String name, Duration deadline, String... command) {
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + command[0] + "' (" + e.getMessage() + "): this test needs"
                    + " Node.js 18+ and npm on the PATH to run Confluent's JavaScript client", e);
        }
        try {
            if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + deadline
                        + "; stderr: " + read(err));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " in " + dir + " exited with " + process.exitValue()
                    + "; stderr: " + read(err) + "; stdout: " + read(out));
        }
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
