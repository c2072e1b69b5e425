package io.procmem.ingest.trajectory;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.ingest.trajectory.RecordedSession.Outcome;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Turns one record, a tau-bench episode ({@code traj}, {@code task_id}, {@code trial}, {@code reward}) or a session
 * ({@code messages} and optional {@code id}, {@code agent_id}, {@code model}, {@code reward}, {@code outcome},
 * {@code request_params}, {@code metadata}), into a {@link RecordedSession}.
 *
 * <p>Session ids: the record's {@code id} when it has one (the caller's own id, used as is); else
 * {@code <source>-t<task_id>-r<trial>} for tau-bench episodes; else {@code <source>-<index>}. All are stable across
 * re-imports of the same file. Errors, besides the chat's own (see {@link StepCollector}): a record that is not an
 * object; no non-empty {@code traj}/{@code messages} list; a {@code reward} that is not a number; an {@code outcome}
 * other than success, failure or unknown; {@code request_params} or {@code metadata} that are not objects.
 */
final class SessionParser {
    private final SessionDefaults defaults;
    private final String sourceFile;

    SessionParser(SessionDefaults defaults, String sourceFile) {
        this.defaults = defaults;
        this.sourceFile = sourceFile;
    }

    RecordedSession parse(JsonNode record, int index) {
        if (!record.isObject()) {
            throw new MalformedRecordException("record is not a JSON object but " + JsonTexts.kind(record));
        }
        JsonNode messages = record.has("traj") ? record.get("traj") : record.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new MalformedRecordException("record has no non-empty 'traj' or 'messages' list of chat messages");
        }
        StepCollector chat = StepCollector.collect(messages);
        Double reward = reward(record);
        String model = text(record, "model", text(record.path("metadata"), "model", null));
        String agentId = text(record, "agent_id",
                defaults.agentId() != null ? defaults.agentId() : model != null ? model : defaults.sourceName());
        return new RecordedSession(index, sessionId(record, index), agentId, defaults.fleet(), model,
                chat.requestText(), objectJson(record, "request_params"), chat.steps(), outcome(record, reward), reward,
                attributes(record, index));
    }

    private String sessionId(JsonNode record, int index) {
        JsonNode id = record.get("id");
        if (id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isBlank()) {
            return id.asText();
        }
        String task = scalar(record, "task_id");
        if (task != null) {
            String trial = scalar(record, "trial");
            return defaults.sourceName() + "-t" + task + (trial == null ? "" : "-r" + trial);
        }
        return defaults.sourceName() + "-" + index;
    }

    private static Double reward(JsonNode record) {
        JsonNode reward = record.get("reward");
        if (reward == null || reward.isNull()) {
            return null;
        }
        if (!reward.isNumber()) {
            throw new MalformedRecordException("'reward' is not a number but " + JsonTexts.kind(reward) + " " + reward);
        }
        return reward.asDouble();
    }

    private static Outcome outcome(JsonNode record, Double reward) {
        JsonNode outcome = record.get("outcome");
        if (outcome != null && !outcome.isNull()) {
            try {
                return Outcome.valueOf(outcome.asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MalformedRecordException("'outcome' must be success, failure or unknown, not " + outcome);
            }
        }
        if (reward == null) {
            return Outcome.UNKNOWN;
        }
        return reward >= 1.0 ? Outcome.SUCCESS : Outcome.FAILURE;
    }

    private TreeMap<String, String> attributes(JsonNode record, int index) {
        TreeMap<String, String> attributes = new TreeMap<>();
        JsonNode metadata = object(record, "metadata");
        if (metadata != null) {
            metadata.forEachEntry((key, value) -> attributes.put(key, value.isTextual() ? value.asText() : value.toString()));
        }
        // Set last, so a metadata entry cannot pass for where the record came from.
        attributes.put("source_file", sourceFile);
        attributes.put("record_index", Integer.toString(index));
        for (String key : new String[] {"task_id", "trial"}) {
            String value = scalar(record, key);
            if (value != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }

    private static String objectJson(JsonNode record, String field) {
        JsonNode value = object(record, field);
        return value == null ? null : value.toString();
    }

    /** The object in {@code field}, or null when absent. */
    private static JsonNode object(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new MalformedRecordException("'" + field + "' is not a JSON object but " + JsonTexts.kind(value));
        }
        return value;
    }

    /** A string, number or boolean field as text; null when absent, null or not a scalar. */
    private static String scalar(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
    }
}
