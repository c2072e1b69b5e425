package io.procmem.eval.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One tool call of a recorded episode, as the replay needs it: what was called, what the tool answered, and what the
 * model had in front of it when it decided the call.
 *
 * @param argumentsJson  the call's arguments as recorded (a JSON object text); fed to the miner as is
 * @param arguments      the same, parsed; compared with the executor's calls
 * @param resultJson     the tool's result as recorded (JSON text), or null when the recording has none
 * @param result         the same, parsed, or null
 * @param ok             false when the tool answered with an error
 * @param errorMessage   the tool's error text when not ok, else null
 * @param userTurn       how many user messages came before the call; two calls with different turns have a reply to
 *                       the user between them
 * @param promptChars    characters of the conversation before the call, as far as the recording keeps it (see
 *                       {@link Episodes})
 * @param decisionTokens model tokens spent deciding the call when the source says (the {@code decision_tokens} of a
 *                       step event), else null
 */
public record EpisodeStep(int index, String tool, String argumentsJson, JsonNode arguments, String resultJson,
                          JsonNode result, boolean ok, String errorMessage, int userTurn, long promptChars,
                          Integer decisionTokens) {
    public EpisodeStep {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
    }
}
