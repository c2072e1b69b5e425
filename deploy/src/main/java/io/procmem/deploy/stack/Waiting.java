package io.procmem.deploy.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, with a deadline, giving up early if the thing waited on has died. */
public final class Waiting {
    private static final long POLL_MILLIS = 250;

    private Waiting() {
    }

    /**
     * Returns once {@code ready} holds.
     *
     * @throws StackException if {@code alive} stops holding or the timeout passes; {@code what} names the wait
     */
    public static void until(String what, Duration timeout, BooleanSupplier ready, BooleanSupplier alive, String hint) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw new StackException(what + " failed: the process exited; " + hint);
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(what + " timed out after " + timeout.toSeconds() + " s; " + hint);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException(what + " was interrupted", e);
            }
        }
    }
}
