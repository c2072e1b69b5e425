package io.procmem.ingest.trajectory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.ingest.trajectory.RecordedStep.Status;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a chat in OpenAI message format and pairs each {@code tool_calls} entry with the {@code tool} message that
 * answers it, producing the steps in call order.
 *
 * <p>Errors (the record is reported, not imported): a message that is not an object or has no {@code role}; a
 * {@code tool_calls} that is not a list; a call without {@code function.name}; arguments that are not a JSON object;
 * a tool message without {@code tool_call_id}, answering an id no open call has, or naming another tool than the
 * call. Tolerated: a call no tool message answers (the step keeps a null result, as when a run stops mid-call),
 * absent or blank arguments (read as {@code {}}), roles other than user, assistant and tool (skipped).
 *
 * <p>Ids are matched against calls still open, not all calls: tau-bench recordings reuse a call id later in the same
 * chat once the first call was answered. Limit: the legacy single {@code function_call} field is not read.
 */
final class StepCollector {
    private final List<RecordedStep> steps = new ArrayList<>();
    private final Map<String, Deque<Integer>> open = new HashMap<>();
    private String requestText;
    private String latestUserText;

    /** Steps and request text of {@code messages}, a JSON array; throws {@link MalformedRecordException}. */
    static StepCollector collect(JsonNode messages) {
        StepCollector collector = new StepCollector();
        for (int i = 0; i < messages.size(); i++) {
            collector.accept(messages.get(i), "messages[" + i + "]");
        }
        return collector;
    }

    List<RecordedStep> steps() {
        return steps;
    }

    String requestText() {
        return requestText;
    }

    private void accept(JsonNode message, String where) {
        if (!message.isObject()) {
            throw new MalformedRecordException(where + " is not a JSON object but " + JsonTexts.kind(message));
        }
        String role = message.path("role").asText("");
        switch (role) {
            case "user" -> user(message);
            case "assistant" -> assistant(message, where);
            case "tool" -> tool(message, where);
            case "" -> throw new MalformedRecordException(where + " has no 'role'");
            default -> { } // system prompts and other roles carry no steps
        }
    }

    private void user(JsonNode message) {
        latestUserText = MessageContent.text(message.get("content"));
        if (requestText == null) {
            requestText = latestUserText;
        }
    }

    private void assistant(JsonNode message, String where) {
        JsonNode calls = message.get("tool_calls");
        if (calls == null || calls.isNull()) {
            return;
        }
        if (!calls.isArray()) {
            throw new MalformedRecordException(where + ".tool_calls is not a list but " + JsonTexts.kind(calls));
        }
        for (int j = 0; j < calls.size(); j++) {
            call(calls.get(j), where + ".tool_calls[" + j + "]");
        }
    }

    private void call(JsonNode call, String where) {
        String tool = call.path("function").path("name").asText("");
        if (tool.isBlank()) {
            throw new MalformedRecordException(where + " has no function.name");
        }
        String arguments = arguments(call.path("function").get("arguments"), where + " (" + tool + ")");
        String id = call.path("id").isTextual() ? call.get("id").asText() : null;
        int index = steps.size();
        steps.add(new RecordedStep(index, tool, arguments, null, Status.OK, null, id, latestUserText));
        if (id != null) {
            open.computeIfAbsent(id, k -> new ArrayDeque<>()).addLast(index);
        }
    }

    private static String arguments(JsonNode arguments, String where) {
        if (arguments == null || arguments.isNull() || arguments.isTextual() && arguments.asText().isBlank()) {
            return "{}";
        }
        if (arguments.isObject()) {
            return arguments.toString();
        }
        if (!arguments.isTextual()) {
            throw new MalformedRecordException(where + ": arguments are a JSON " + JsonTexts.kind(arguments) + ", not an object");
        }
        String text = arguments.asText();
        try {
            JsonNode parsed = JsonTexts.parse(text);
            if (!parsed.isObject()) {
                throw new MalformedRecordException(where + ": arguments are a JSON " + JsonTexts.kind(parsed) + ", not an object");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException(where + ": arguments are not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void tool(JsonNode message, String where) {
        String id = message.path("tool_call_id").asText("");
        if (id.isEmpty()) {
            throw new MalformedRecordException(where + " (tool) has no 'tool_call_id'");
        }
        Deque<Integer> waiting = open.get(id);
        if (waiting == null || waiting.isEmpty()) {
            throw new MalformedRecordException(where + " (tool) answers unknown tool_call_id '" + id + "'");
        }
        RecordedStep call = steps.get(waiting.removeFirst());
        String name = message.path("name").asText(call.tool());
        if (!name.equals(call.tool())) {
            throw new MalformedRecordException(where + " (tool) answers tool_call_id '" + id + "' of " + call.tool()
                    + " but is named " + name);
        }
        steps.set(call.index(), MessageContent.result(call, message.get("content")));
    }
}
