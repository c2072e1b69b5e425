package io.procmem.deploy.stack;

/** Whether a started service can take work; polled by the stack until it says yes or the start timeout passes. */
@FunctionalInterface
public interface Readiness {
    /** Answers quickly (a second or two at most) and returns false rather than throwing while not ready. */
    boolean isReady();
}
