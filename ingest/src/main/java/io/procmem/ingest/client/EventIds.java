package io.procmem.ingest.client;

/**
 * Deterministic event ids: {@code <session id>:<sequence>}, where the session's start is 0, the tool step with index
 * i is i + 1 and the end, after n steps, is n + 1. A re-sent event (a retry, a re-import) carries the same id, so
 * consumers can drop duplicates; the id says where in its session an event belongs.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String started(String sessionId) {
        return of(sessionId, 0);
    }

    public static String step(String sessionId, int stepIndex) {
        return of(sessionId, stepIndex + 1);
    }

    public static String ended(String sessionId, int stepCount) {
        return of(sessionId, stepCount + 1);
    }

    private static String of(String sessionId, int sequence) {
        return sessionId + ":" + sequence;
    }
}
