package io.procmem.eval.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.SessionOutcome;
import io.procmem.ingest.trajectory.RecordedSession;
import io.procmem.ingest.trajectory.RecordedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a session read by the ingest module's reader into an {@link Episode}.
 *
 * <p>User turns and prompt size come from what {@link RecordedStep} keeps: each call's {@code userMessageBefore}.
 * A call whose latest user message differs from the previous call's starts a new user turn, and that message's text
 * joins the conversation. The conversation before a call is those user messages plus every earlier call's tool name,
 * arguments and result. Known limits: the reader keeps neither the system prompt nor the assistant's own texts, nor
 * user messages no call followed, so {@code promptChars} is a lower bound of what the model read; two consecutive user
 * messages with the same text count as one turn.
 */
public final class Episodes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Episodes() {
    }

    public static Episode of(RecordedSession session, String source) {
        List<EpisodeStep> steps = new ArrayList<>(session.steps().size());
        long chars = 0;
        int turn = 0;
        String lastUser = null;
        for (RecordedStep step : session.steps()) {
            String user = step.userMessageBefore();
            if (user != null && !user.equals(lastUser)) {
                turn++;
                chars += user.length();
                lastUser = user;
            }
            String where = source + " record " + session.index() + " step " + step.index();
            steps.add(new EpisodeStep(step.index(), step.tool(), step.argumentsJson(), parse(step.argumentsJson(), where),
                    step.resultJson(), step.resultJson() == null ? null : parse(step.resultJson(), where), step.status()
                    == RecordedStep.Status.OK, step.errorMessage(), turn, chars, null));
            chars += step.tool().length() + step.argumentsJson().length()
                    + (step.resultJson() == null ? 0 : step.resultJson().length());
        }
        return new Episode(session.index(), source, session.sessionId(), session.agentId(), session.fleet(),
                session.requestText(), session.requestParamsJson(), SessionOutcome.valueOf(session.outcome().name()), steps);
    }

    /** The reader has validated both texts as JSON, so a failure here is a bug in the reader, not bad input. */
    private static JsonNode parse(String json, String where) {
        try {
            return Objects.requireNonNull(JSON.readTree(json), where);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(where + ": the reader passed text that is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
