package io.procmem.miner.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tau-bench style trajectory files (a JSON array of {@code {task_id, reward, traj: [messages]}}) into the
 * successful episodes the bench re-samples. Calls are paired with their results by {@code tool_call_id}.
 *
 * <p>Only episodes with reward 1.0 and at least two tool calls are kept: the bench must feed the miner routines
 * that succeeded and can form a sequence. Parsing is the bench's own, so the miner does not depend on the ingest
 * module; a malformed record stops the bench with its index, not silently.
 */
final class EpisodeCorpus {
    // Trailing tokens fail, so a text result like "2 flights found" is not taken for the JSON number 2.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EpisodeCorpus() {
    }

    static List<Episode> read(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trajectories from " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + " is not a JSON array of trajectory records");
        }
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode record = root.get(i);
            String source = file.getFileName() + "#" + i;
            if (!record.path("traj").isArray()) {
                throw new IllegalArgumentException("record " + source + " has no 'traj' array");
            }
            if (record.path("reward").asDouble(0) >= 1.0) {
                Episode episode = episode(source, record.get("traj"));
                if (episode.calls().size() >= 2) {
                    episodes.add(episode);
                }
            }
        }
        if (episodes.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no successful episode with two or more tool calls");
        }
        return episodes;
    }

    private static Episode episode(String source, JsonNode messages) {
        Map<String, String> results = new HashMap<>();
        String request = null;
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if (role.equals("tool")) {
                results.put(message.path("tool_call_id").asText(), message.path("content").asText(""));
            } else if (role.equals("user") && request == null) {
                request = message.path("content").asText(null);
            }
        }
        List<Episode.Call> calls = new ArrayList<>();
        for (JsonNode message : messages) {
            for (JsonNode call : message.path("tool_calls")) {
                String name = call.path("function").path("name").asText("");
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("record " + source + " has a tool call without function.name");
                }
                String result = results.getOrDefault(call.path("id").asText(), "");
                calls.add(new Episode.Call(name, arguments(source, call.path("function").path("arguments")),
                        asJson(result), result.startsWith("Error")));
            }
        }
        return new Episode(source, request, calls);
    }

    /** Arguments arrive as a JSON text (OpenAI style) or an object; either way an object's text comes out. */
    private static String arguments(String source, JsonNode arguments) {
        try {
            JsonNode parsed = arguments.isTextual() ? JSON.readTree(arguments.asText()) : arguments;
            if (parsed == null || parsed.isMissingNode() || parsed.isNull()) {
                return "{}";
            }
            if (!parsed.isObject()) {
                throw new IllegalArgumentException("record " + source + " has tool arguments that are not an object");
            }
            return JSON.writeValueAsString(parsed);
        } catch (IOException e) {
            throw new IllegalArgumentException("record " + source + " has tool arguments that are not JSON: " + e.getMessage(), e);
        }
    }

    /** A result that is JSON stays as is; plain text becomes a JSON string, as the AgentEvent schema asks. */
    private static String asJson(String content) {
        try {
            JSON.readTree(content);
            return content.isBlank() ? JSON.writeValueAsString(content) : content;
        } catch (IOException notJson) {
            try {
                return JSON.writeValueAsString(content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
