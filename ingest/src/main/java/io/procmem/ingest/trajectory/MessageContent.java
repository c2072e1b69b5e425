package io.procmem.ingest.trajectory;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.ingest.trajectory.RecordedStep.Status;

/**
 * Reads the {@code content} of a chat message: a string, or a list of parts whose {@code text} fields are joined
 * (the newer OpenAI form). Any other JSON content (an object, a number, a list of anything else) is no text; as a
 * tool result it is kept as JSON itself.
 */
final class MessageContent {
    private static final String ERROR_PREFIX = "Error";

    private MessageContent() {
    }

    /** The text of {@code content}, or null when there is none. */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (isParts(content)) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                text.append(text.length() > 0 ? "\n" : "").append(part.get("text").asText());
            }
            return text.toString();
        }
        return null;
    }

    private static boolean isParts(JsonNode content) {
        if (!content.isArray() || content.isEmpty()) {
            return false;
        }
        for (JsonNode part : content) {
            if (!part.path("text").isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** {@code call} answered by a tool message with {@code content}. */
    static RecordedStep result(RecordedStep call, JsonNode content) {
        if (content == null || content.isNull()) {
            return call.withResult(null, Status.OK, null);
        }
        if (!content.isTextual() && !isParts(content)) {
            return call.withResult(content.toString(), Status.OK, null);
        }
        String text = text(content);
        // tau-bench tools return failures as plain text starting with "Error", e.g.
        // "Error: payment amount does not add up, total price is 305, but paid 255".
        boolean failed = text.startsWith(ERROR_PREFIX);
        String json = JsonTexts.tryParse(text).isPresent() ? text : JsonTexts.quote(text);
        return call.withResult(json, failed ? Status.ERROR : Status.OK, failed ? text : null);
    }
}
