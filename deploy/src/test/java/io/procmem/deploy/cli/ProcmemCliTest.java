package io.procmem.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProcmemCliTest {
    @TempDir
    Path stackDir;

    private final StringWriter out = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CommandLine cli = ProcmemCli.commandLine(env);
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void shouldReportEveryServiceDownInAnEmptyStack() {
        int exit = run(Map.of("PROCMEM_STACK_DIR", stackDir.toString()), "status", "--broker-port", "19092");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("SERVICE").containsPattern("broker\\s+down\\s+-\\s+19092,9093");
    }

    @Test
    void shouldTakeTheStackDirectoryFromTheEnvironment() {
        int exit = run(Map.of("PROCMEM_STACK_DIR", stackDir.toString()), "down");

        assertThat(exit).isZero();
        assertThat(stackDir).isEmptyDirectory();
    }

    @Test
    void shouldFailWithExitCodeOneOnAnInvalidValue() {
        assertThat(run(Map.of(), "status", "--broker-port", "not-a-port")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldFailWithExitCodeOneOnAnUnknownOptionOrMissingCommand() {
        assertThat(run(Map.of(), "status", "--no-such-option")).isEqualTo(1);
        assertThat(run(Map.of())).isEqualTo(1);
    }

    @Test
    void shouldPrintTheBuildVersion() {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString()).startsWith("procmem 0.");
    }

    @Test
    void shouldRenderAFailureAndItsCausesOnOneLine() {
        Exception failure = new IllegalStateException("cannot start broker",
                new java.io.IOException("formatting failed:\n  disk full"));

        assertThat(Failures.oneLine(failure)).isEqualTo("cannot start broker: formatting failed: disk full");
    }
}
