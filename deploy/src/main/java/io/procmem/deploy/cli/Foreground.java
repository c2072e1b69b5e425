package io.procmem.deploy.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a service command in the foreground until SIGTERM or Ctrl-C, then closes the service before the JVM exits,
 * so the stack's {@code down} (which sends SIGTERM) stops every service cleanly.
 */
final class Foreground {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");

    private Foreground() {
    }

    static int runUntilStopped(String name, AutoCloseable service) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping {}", name);
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly: {}", name, e.toString());
            } finally {
                closed.countDown();
            }
        }, name + "-shutdown"));
        closed.await();
        return 0;
    }
}
