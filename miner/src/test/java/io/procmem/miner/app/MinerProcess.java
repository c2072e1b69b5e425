package io.procmem.miner.app;

import io.procmem.miner.config.MinerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * A miner in a child JVM, so a test can kill it for real: {@link #close()} is SIGKILL, with no shutdown hook, no
 * last commit and no store flush, as when a machine or container dies. {@link #main} is the child's entry point; it
 * runs a {@link MinerApp} from a properties file until killed. {@link #close()} kills, so a failing test
 * leaves no miner behind. Output goes to {@code miner.log} beside that file.
 */
final class MinerProcess implements AutoCloseable {
    private final Process process;

    private MinerProcess(Process process) {
        this.process = process;
    }

    static MinerProcess start(Map<String, Object> minerProps, Path workDir) throws IOException {
        Properties props = new Properties();
        minerProps.forEach((key, value) -> props.setProperty(key, value.toString()));
        Path file = workDir.resolve("miner.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "miner run by " + MinerProcess.class.getSimpleName());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The test JVM's class path (under failsafe a manifest-only jar naming every entry) serves the child too.
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                MinerProcess.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("miner.log").toFile()).start();
        return new MinerProcess(process);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits for the process to be gone; nothing when it is gone already. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            props.load(in);
        }
        MinerApp miner = new MinerApp(new MinerConfig(props));
        miner.start();
        new CountDownLatch(1).await();
    }
}
