package io.procmem.miner.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.ToolStep;
import io.procmem.schemas.shape.StepShapes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a decoded event for what Avro cannot: that it belongs under its record key, that a tool step can be
 * abstracted (a tool name, arguments that are a JSON object) and its result is JSON, and that structured request
 * parameters are a JSON object. An event failing here would otherwise fail later, inside a session, far from the
 * record that caused it.
 */
public final class EventValidator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventValidator() {
    }

    /** Why the event is invalid, naming the field, or empty when it is valid. */
    public static Optional<String> problem(String key, AgentEvent event) {
        String where = "event " + event.getEventId() + " of session " + event.getSessionId() + ": ";
        if (event.getEventId() == null || event.getEventId().isBlank()) {
            return Optional.of(where + "event_id is empty");
        }
        if (event.getSessionId() == null || event.getSessionId().isBlank()) {
            return Optional.of(where + "session_id is empty");
        }
        if (!Objects.equals(key, event.getSessionId())) {
            return Optional.of(where + "record key '" + key + "' differs from session_id; events must be keyed by session id");
        }
        if (event.getPayload() instanceof ToolStep step) {
            return toolStepProblem(step).map(p -> where + p);
        }
        if (event.getPayload() instanceof SessionStarted started && started.getRequestParamsJson() != null) {
            return notJson(started.getRequestParamsJson(), true)
                    .map(p -> where + "SessionStarted.request_params_json " + p);
        }
        if (event.getPayload() instanceof SessionEnded ended && ended.getStepCount() != null && ended.getStepCount() < 0) {
            return Optional.of(where + "SessionEnded.step_count is negative (" + ended.getStepCount() + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> toolStepProblem(ToolStep step) {
        if (step.getStepIndex() < 0) {
            return Optional.of("ToolStep.step_index is negative (" + step.getStepIndex() + ")");
        }
        if (step.getTool() == null || step.getTool().isBlank()) {
            return Optional.of("ToolStep.tool is empty at step " + step.getStepIndex());
        }
        try {
            StepShapes.argumentNames(StepShapes.parseArguments(step.getArgumentsJson()));
        } catch (IllegalArgumentException e) {
            return Optional.of("ToolStep.arguments_json of step " + step.getStepIndex() + " (" + step.getTool() + "): " + e.getMessage());
        }
        if (step.getResultJson() == null) {
            return Optional.empty();
        }
        return notJson(step.getResultJson(), false)
                .map(p -> "ToolStep.result_json of step " + step.getStepIndex() + " (" + step.getTool() + ") " + p);
    }

    /**
     * What is wrong with a JSON text, or empty when its first value parses (to an object, when {@code object} is set).
     * Reads tokens without building a tree: every result is parsed again, into a tree, when its session is mined, so
     * here it only needs to be read through, which costs a fraction of building it.
     */
    private static Optional<String> notJson(String text, boolean object) {
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of("is empty; expected JSON");
            }
            if (object && first != JsonToken.START_OBJECT) {
                return Optional.of("must be a JSON object, got " + kind(first));
            }
            parser.skipChildren();
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of("is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a JSON text from memory failed", e);
        }
    }

    /** The JSON node type a value starting with this token has, as the tree model names it. */
    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "ARRAY";
            case VALUE_STRING -> "STRING";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            case VALUE_NULL -> "NULL";
            default -> token.name();
        };
    }
}
