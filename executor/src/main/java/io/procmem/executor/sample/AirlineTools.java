package io.procmem.executor.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sample airline's tools, named and shaped like the tau-bench airline tools, over an {@link AirlineData}:
 * {@code get_user_details(user_id)}, {@code get_reservation_details(reservation_id)},
 * {@code search_direct_flight(origin, destination, date)} and {@code cancel_reservation(reservation_id)} (a write).
 * Both transports of {@link SampleToolServer} call {@link #call}, which records every call in the {@link CallLog}.
 *
 * <p>A write sent again with an idempotency key already seen returns the first answer without acting again, which
 * is what the executor's idempotency keys are for. Known limit: keys are kept for the server's life.
 */
public final class AirlineTools {

    /** A tool's name, description, (string) arguments, all required, and whether it writes. */
    public record Spec(String name, String description, List<String> arguments, boolean writes) {
    }

    public static final List<Spec> SPECS = List.of(
            new Spec("get_user_details", "Get a user's profile, including the ids of their reservations.",
                    List.of("user_id"), false),
            new Spec("get_reservation_details", "Get the details of a reservation.", List.of("reservation_id"), false),
            new Spec("search_direct_flight", "Search direct flights between two airports on a date (YYYY-MM-DD).",
                    List.of("origin", "destination", "date"), false),
            new Spec("cancel_reservation", "Cancel a whole reservation.", List.of("reservation_id"), true));

    private final AirlineData data;
    private final CallLog log;
    private final Map<String, JsonNode> answeredWrites = new ConcurrentHashMap<>();

    public AirlineTools(AirlineData data, CallLog log) {
        this.data = data;
        this.log = log;
    }

    public boolean has(String tool) {
        return SPECS.stream().anyMatch(s -> s.name().equals(tool));
    }

    /**
     * Runs a tool and records the call.
     *
     * @param transport      how the call came in, for the log
     * @param idempotencyKey the caller's key for a write, or null
     * @throws ToolFailure when the tool refuses (unknown tool or id, missing argument, reservation already cancelled)
     */
    public JsonNode call(String transport, String tool, JsonNode arguments, String idempotencyKey) throws ToolFailure {
        try {
            JsonNode result = idempotencyKey == null ? dispatch(tool, arguments)
                    : replayOr(idempotencyKey, tool, arguments);
            log.add(new CallLog.Call(transport, tool, arguments, idempotencyKey, null));
            return result;
        } catch (ToolFailure e) {
            log.add(new CallLog.Call(transport, tool, arguments, idempotencyKey, e.getMessage()));
            throw e;
        }
    }

    private JsonNode replayOr(String key, String tool, JsonNode arguments) throws ToolFailure {
        JsonNode earlier = answeredWrites.get(key);
        if (earlier != null) {
            return earlier;
        }
        JsonNode result = dispatch(tool, arguments);
        answeredWrites.putIfAbsent(key, result);
        return result;
    }

    private JsonNode dispatch(String tool, JsonNode arguments) throws ToolFailure {
        return switch (tool) {
            case "get_user_details" -> found(data.user(text(arguments, "user_id")), "user", arguments, "user_id");
            case "get_reservation_details" -> found(data.reservation(text(arguments, "reservation_id")), "reservation",
                    arguments, "reservation_id");
            case "search_direct_flight" -> data.directFlights(text(arguments, "origin"), text(arguments, "destination"),
                    text(arguments, "date"));
            case "cancel_reservation" -> cancel(text(arguments, "reservation_id"));
            default -> throw new ToolFailure("Error: unknown tool " + tool);
        };
    }

    private synchronized JsonNode cancel(String reservationId) throws ToolFailure {
        Optional<JsonNode> current = data.reservation(reservationId).map(r -> r.get("status"));
        if (current.isPresent() && current.get().asText().equals("cancelled")) {
            throw new ToolFailure("Error: reservation " + reservationId + " is already cancelled");
        }
        return data.cancel(reservationId)
                .orElseThrow(() -> new ToolFailure("Error: reservation " + reservationId + " not found"));
    }

    private static JsonNode found(Optional<? extends JsonNode> value, String what, JsonNode arguments, String id)
            throws ToolFailure {
        if (value.isEmpty()) {
            throw new ToolFailure("Error: " + what + " " + arguments.get(id).asText() + " not found");
        }
        return value.get();
    }

    private static String text(JsonNode arguments, String name) throws ToolFailure {
        JsonNode value = arguments == null ? null : arguments.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ToolFailure("Error: argument " + name + " must be a non-empty string");
        }
        return value.asText();
    }
}
