package io.procmem.miner.session;

import io.procmem.avro.SessionOutcome;
import java.util.List;

/**
 * A closed session, handed to candidate extraction.
 *
 * @param agentId           the agent, or null when the SessionStarted event never arrived
 * @param fleet             the fleet, or null when the SessionStarted event never arrived
 * @param requestText       what the user asked, or null when unknown; values found in it verbatim are marked as
 *                          "given in the request"
 * @param requestParamsJson the structured request parameters (a JSON object text), or null
 * @param outcome           the announced outcome, or UNKNOWN for a session closed by the idle timeout without an end
 * @param steps             the steps that arrived, by ascending index; gaps are possible when {@code complete} is false
 * @param complete          true when the end arrived and every announced step was there
 * @param finishedAtMs      wall-clock time the miner closed it
 */
public record FinishedSession(String sessionId, String agentId, String fleet, String requestText,
                              String requestParamsJson, SessionOutcome outcome, List<BufferedStep> steps,
                              boolean complete, long finishedAtMs) {
    public FinishedSession {
        steps = List.copyOf(steps);
    }
}
