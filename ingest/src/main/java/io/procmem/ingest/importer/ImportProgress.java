package io.procmem.ingest.importer;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far an import is, by bytes of the file: a progress bar on stderr when a console is attached, else an
 * INFO log line every ten seconds (a bar would only litter a log file or CI output).
 *
 * <p>Limit: on JDK 22 and later {@code System.console()} is present even when output is redirected, so the bar is
 * drawn there too.
 */
interface ImportProgress extends AutoCloseable {

    void update(long bytesRead, int sessions, int problems);

    @Override
    void close();

    static ImportProgress start(String file, long size) {
        return System.console() != null ? new Bar(file, size) : new LogLines(file, size);
    }

    /** The progress bar, in MB. */
    final class Bar implements ImportProgress {
        private final ProgressBar bar;

        Bar(String file, long size) {
            bar = new ProgressBarBuilder().setTaskName("import " + file).setInitialMax(size).setUnit(" MB", 1 << 20)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build();
        }

        @Override
        public void update(long bytesRead, int sessions, int problems) {
            bar.stepTo(bytesRead);
            bar.setExtraMessage(" | " + sessions + " sessions, " + problems + " problems");
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** Log lines at a fixed interval. */
    final class LogLines implements ImportProgress {
        private static final Logger LOG = LoggerFactory.getLogger(ImportProgress.class);
        private static final long INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

        private final String file;
        private final long size;
        private long lastLogged = System.nanoTime();

        LogLines(String file, long size) {
            this.file = file;
            this.size = size;
        }

        @Override
        public void update(long bytesRead, int sessions, int problems) {
            long now = System.nanoTime();
            if (now - lastLogged >= INTERVAL_NANOS) {
                lastLogged = now;
                LOG.info("importing {}: {}% of {} bytes read, {} sessions, {} problems", file,
                        size == 0 ? 100 : bytesRead * 100 / size, size, sessions, problems);
            }
        }

        @Override
        public void close() {
            // Nothing to release; the importer logs the summary.
        }
    }
}
