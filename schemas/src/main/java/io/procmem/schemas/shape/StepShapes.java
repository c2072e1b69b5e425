package io.procmem.schemas.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The abstract form of a tool call: its tool name and argument shape, without values, e.g.
 * {@code get_reservation_details(reservation_id)}. Miner and executor must agree on it to the character, since
 * procedures are matched by it; that is why it lives with the schemas.
 *
 * <p>The shape is the sorted set of top-level argument names. Nested values are not part of it: a routine whose
 * argument is an object is one routine whatever the object holds.
 */
public final class StepShapes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StepShapes() {
    }

    /** Abstract step of a call whose arguments are a JSON object text. */
    public static String of(String tool, String argumentsJson) {
        return of(tool, parseArguments(argumentsJson));
    }

    /** Abstract step of a call whose arguments are already parsed. */
    public static String of(String tool, JsonNode arguments) {
        if (tool == null || tool.isBlank()) {
            throw new IllegalArgumentException("tool name is empty");
        }
        return tool + "(" + String.join(",", argumentNames(arguments)) + ")";
    }

    /** The argument names, sorted. */
    public static List<String> argumentNames(JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            return List.of();
        }
        if (!arguments.isObject()) {
            throw new IllegalArgumentException("tool arguments must be a JSON object, got " + arguments.getNodeType());
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = arguments.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        Collections.sort(names);
        return names;
    }

    /** Parses an arguments text; a blank text means no arguments. */
    public static JsonNode parseArguments(String argumentsJson) {
        if (argumentsJson == null || argumentsJson.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(argumentsJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("tool arguments are not valid JSON: " + e.getMessage(), e);
        }
    }
}
