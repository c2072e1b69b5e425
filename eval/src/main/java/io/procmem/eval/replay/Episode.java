package io.procmem.eval.replay;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.session.BufferedStep;
import io.procmem.miner.session.FinishedSession;
import java.util.List;
import java.util.Objects;

/**
 * One recorded session to replay: the fields the miner's {@link FinishedSession} holds, with the steps in the form
 * the replay compares.
 *
 * @param recordIndex 0-based position of the record in its file
 * @param source      the file the episode came from, for messages
 */
public record Episode(int recordIndex, String source, String sessionId, String agentId, String fleet,
                      String requestText, String requestParamsJson, SessionOutcome outcome, List<EpisodeStep> steps) {
    public Episode {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(outcome, "outcome");
        steps = List.copyOf(steps);
    }

    /**
     * The episode as the miner's session assembly would have closed it after a complete import: every step there,
     * the end announced. Built directly rather than through events, since the assembly adds nothing to a complete
     * recorded session.
     */
    public FinishedSession toFinishedSession(long finishedAtMs) {
        List<BufferedStep> buffered = steps.stream()
                .map(step -> new BufferedStep(step.index(), step.tool(), step.argumentsJson(), step.resultJson(), step.ok()))
                .toList();
        return new FinishedSession(sessionId, agentId, fleet, requestText, requestParamsJson, outcome, buffered, true,
                finishedAtMs);
    }

    /** Where the episode is, for messages: {@code file.json record 12 (session id)}. */
    public String describe() {
        return source + " record " + recordIndex + " (" + sessionId + ")";
    }
}
