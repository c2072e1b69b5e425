package io.procmem.executor.api;

/** What {@code GET /health} reports: serving ({@code UP}), still reading procedures, or no longer following them. */
public enum Readiness {
    /** Holds every procedure that was on the topic at start and follows new versions. */
    UP,
    /** Still reading the procedures topic; answers may miss procedures. */
    STARTING,
    /** Stopped following the topic after an error; answers come from what it held then. */
    DOWN
}
