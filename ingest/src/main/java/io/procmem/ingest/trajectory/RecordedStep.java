package io.procmem.ingest.trajectory;

import java.util.Objects;

/**
 * One tool call of a recorded session, with its result.
 *
 * @param index             0-based position of the call in the session
 * @param tool              the function name the model called
 * @param argumentsJson     the call's arguments, always a JSON object ({@code {}} for a call without arguments)
 * @param resultJson        the tool's content as JSON: kept as is when it is valid JSON, else as a JSON string;
 *                          null when the recording has no tool message for this call
 * @param status            {@link Status#ERROR} when the content starts with {@code Error}, as tau-bench tools report
 *                          failures; otherwise {@link Status#OK}
 * @param errorMessage      the content text of an ERROR step, else null
 * @param toolCallId        the model's id of the call, when it had one
 * @param userMessageBefore the text of the user's latest message before this call, or null. The Avro
 *                          {@code ToolStep} has no field for it; it is kept for analyses that need the user's
 *                          words next to the step.
 */
public record RecordedStep(int index, String tool, String argumentsJson, String resultJson, Status status,
                           String errorMessage, String toolCallId, String userMessageBefore) {

    /** Whether the tool reported success. */
    public enum Status { OK, ERROR }

    public RecordedStep {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
        Objects.requireNonNull(status, "status");
    }

    /** This call, answered. */
    RecordedStep withResult(String resultJson, Status status, String errorMessage) {
        return new RecordedStep(index, tool, argumentsJson, resultJson, status, errorMessage, toolCallId,
                userMessageBefore);
    }
}
