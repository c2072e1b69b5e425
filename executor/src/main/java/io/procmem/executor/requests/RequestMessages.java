package io.procmem.executor.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.executor.api.ApiException;
import io.procmem.executor.api.RunRequests;
import io.procmem.executor.runner.SessionRun;
import java.util.regex.Pattern;

/**
 * The JSON messages of the requests topic. A request's value is the body of {@code POST /v1/continuations/run}
 * plus an optional {@code "replyTo"} topic name; JSON rather than Avro because batch callers may not have Avro. An
 * answer's value is the endpoint's answer, or {@code {"error": ..., "field": ...}} for a request that cannot be run,
 * naming the field at fault; answers go to {@code replyTo} when it is a valid topic name, else to the default
 * responses topic.
 */
public final class RequestMessages {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kafka's rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** A request that parsed: where to answer and what to run. */
    public record Request(String replyTo, SessionRun session) {
    }

    private RequestMessages() {
    }

    /**
     * @param defaultReplyTo the topic to answer on when the request names none
     * @throws ApiException naming the field at fault
     */
    public static Request parse(byte[] value, String defaultReplyTo) {
        if (value == null) {
            throw ApiException.badRequest("value", "the request has no value: send the JSON body of "
                    + "POST /v1/continuations/run");
        }
        return new Request(replyTo(value, defaultReplyTo), RunRequests.continuation(value));
    }

    /** The topic to answer a request on, even one that is otherwise malformed; never null. */
    public static String replyTo(byte[] value, String defaultReplyTo) {
        if (value == null) {
            return defaultReplyTo;
        }
        JsonNode replyTo;
        try {
            replyTo = JSON.readTree(value).get("replyTo");
        } catch (Exception e) {
            return defaultReplyTo;
        }
        if (replyTo == null || replyTo.isNull()) {
            return defaultReplyTo;
        }
        if (!replyTo.isTextual() || !TOPIC.matcher(replyTo.asText()).matches()) {
            throw ApiException.badRequest("replyTo", "replyTo must be a topic name (letters, digits, '.', '_', '-';"
                    + " at most 249), got " + replyTo);
        }
        return replyTo.asText();
    }

    public static ObjectNode error(String message, String field) {
        ObjectNode node = JSON.createObjectNode().put("error", message);
        return field == null ? node : node.put("field", field);
    }
}
