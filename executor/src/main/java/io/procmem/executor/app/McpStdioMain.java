package io.procmem.executor.app;

import io.procmem.executor.config.ExecutorConfig;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one executor as an MCP server on stdio, for MCP clients that launch their servers as processes:
 * {@code McpStdioMain [executor.properties]} (the CLI's {@code procmem executor --stdio} calls {@link #run}). The
 * executor also serves its HTTP API as configured (set {@code port=0} to avoid clashes).
 *
 * <p>Stdout carries only the protocol: before anything else runs, {@code System.out} is pointed at stderr, so a
 * stray print or a console log appender cannot corrupt it (configure logging to stderr anyway). The process ends
 * when the client closes stdin.
 */
public final class McpStdioMain {
    private static final Logger LOG = LoggerFactory.getLogger(McpStdioMain.class);

    private McpStdioMain() {
    }

    public static void main(String[] args) {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        Properties properties = new Properties();
        try {
            if (args.length > 0) {
                try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
                    properties.load(in);
                }
            }
            run(new ExecutorConfig(properties), System.in, protocol);
        } catch (IOException | RuntimeException e) {
            LOG.error("executor (MCP on stdio) stopped: {}", e.getMessage(), e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    /** Starts the executor, serves MCP on {@code in}/{@code out} until {@code in} ends, then stops it. */
    public static void run(ExecutorConfig config, InputStream in, PrintStream out) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        try (ExecutorApp app = ExecutorApp.start(config)) {
            app.serveMcp(new EndSignalling(in, ended), out);
            LOG.info("executor {} serving MCP on stdio", config.executorId());
            ended.await();
        }
    }

    /** Counts the latch down when the stream ends, which is how an MCP client says it is done with a stdio server. */
    private static final class EndSignalling extends FilterInputStream {
        private final CountDownLatch ended;

        EndSignalling(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            return signal(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return signal(super.read(buffer, offset, length));
        }

        private int signal(int read) {
            if (read < 0) {
                ended.countDown();
            }
            return read;
        }
    }
}
