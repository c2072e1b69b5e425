package io.procmem.miner.session;

import io.procmem.avro.SessionOutcome;
import java.util.ArrayList;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What has arrived so far of one open session: its start, its steps by index, its end. Immutable; each change
 * returns a new buffer. Stored in the {@code session-buffers} store, so its components are its serialized form
 * (JSON): rename them only with a migration.
 *
 * @param sessionId     the session
 * @param start         the SessionStarted event, or null while it has not arrived
 * @param steps         tool steps by step index
 * @param end           the SessionEnded event, or null while it has not arrived
 * @param lastUpdatedMs wall-clock time of the last change, for the idle timeout
 */
public record SessionBuffer(String sessionId, Start start, SortedMap<Integer, BufferedStep> steps, End end,
                            long lastUpdatedMs) {

    /**
     * @param fleet             the fleet or tenant the session ran in
     * @param requestText       what the user asked, or null
     * @param requestParamsJson structured request parameters as a JSON object text, or null
     */
    public record Start(String agentId, String fleet, String requestText, String requestParamsJson, long startedAtMs) {
    }

    /** @param stepCount steps the session announced it made, or null when the agent did not say */
    public record End(SessionOutcome outcome, Integer stepCount, long endedAtMs) {
    }

    public SessionBuffer {
        steps = new TreeMap<>(steps);
    }

    public static SessionBuffer open(String sessionId, long nowMs) {
        return new SessionBuffer(sessionId, null, new TreeMap<>(), null, nowMs);
    }

    public SessionBuffer withStart(Start newStart, long nowMs) {
        return new SessionBuffer(sessionId, newStart, steps, end, nowMs);
    }

    public SessionBuffer withStep(BufferedStep step, long nowMs) {
        TreeMap<Integer, BufferedStep> more = new TreeMap<>(steps);
        more.put(step.index(), step);
        return new SessionBuffer(sessionId, start, more, end, nowMs);
    }

    public SessionBuffer withEnd(End newEnd, long nowMs) {
        return new SessionBuffer(sessionId, start, steps, newEnd, nowMs);
    }

    /**
     * Steps known to be missing: below the announced step count when there is one, otherwise the gaps below the
     * highest index seen.
     */
    public int missingSteps() {
        int expected = end != null && end.stepCount() != null ? end.stepCount() : (steps.isEmpty() ? 0 : steps.lastKey() + 1);
        return expected - steps.headMap(expected).size();
    }

    /** The session as it stands, closed with {@code outcome}; complete when its end arrived and no step is missing. */
    public FinishedSession finish(SessionOutcome outcome, long nowMs) {
        boolean complete = end != null && missingSteps() == 0;
        return new FinishedSession(sessionId, start == null ? null : start.agentId(),
                start == null ? null : start.fleet(), start == null ? null : start.requestText(),
                start == null ? null : start.requestParamsJson(), outcome, new ArrayList<>(steps.values()), complete, nowMs);
    }
}
