package io.procmem.executor.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sample airline's in-memory store, seeded the same way every time: users with their reservations, reservation
 * details and direct flights, shaped like the records of the tau-bench airline domain (ids like
 * {@code mia_li_3668} and {@code NO6JO3}). Reads return copies, so callers cannot change the store by accident.
 */
public final class AirlineData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> reservations = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> flights = new ConcurrentHashMap<>();

    /** A store holding the seed data. */
    public static AirlineData seeded() {
        AirlineData data = new AirlineData();
        data.flight("HAT083", "JFK", "SEA", "06:00:00", "12:30:00", "2024-05-20", "2024-05-21");
        data.flight("HAT136", "SEA", "JFK", "14:00:00", "22:10:00", "2024-05-25");
        data.flight("HAT271", "ORD", "LAX", "09:15:00", "11:45:00", "2024-05-20");
        data.flight("HAT290", "JFK", "SEA", "17:30:00", "23:55:00", "2024-05-20");
        data.flight("HAT301", "BOS", "MIA", "07:40:00", "11:05:00", "2024-06-02");
        data.user("mia_li_3668", "Mia", "Li", "gold");
        data.user("raj_sanchez_7340", "Raj", "Sanchez", "silver");
        data.user("olivia_gonzalez_2305", "Olivia", "Gonzalez", "regular");
        data.reservation("NO6JO3", "mia_li_3668", "HAT083", "2024-05-20", "economy", 238);
        data.reservation("AIXC49", "mia_li_3668", "HAT136", "2024-05-25", "business", 912);
        data.reservation("HKEG34", "mia_li_3668", "HAT271", "2024-05-20", "basic_economy", 97);
        data.reservation("MZDDS4", "raj_sanchez_7340", "HAT290", "2024-05-20", "economy", 201);
        data.reservation("60RX9E", "raj_sanchez_7340", "HAT301", "2024-06-02", "economy", 164);
        data.reservation("Z7GOZK", "olivia_gonzalez_2305", "HAT083", "2024-05-21", "business", 845);
        return data;
    }

    public Optional<ObjectNode> user(String userId) {
        return Optional.ofNullable(users.get(userId)).map(ObjectNode::deepCopy);
    }

    public Optional<ObjectNode> reservation(String reservationId) {
        return Optional.ofNullable(reservations.get(reservationId)).map(ObjectNode::deepCopy);
    }

    /** The direct flights from {@code origin} to {@code destination} that fly on {@code date}, by flight number. */
    public ArrayNode directFlights(String origin, String destination, String date) {
        ArrayNode found = JSON.createArrayNode();
        flights.values().stream()
                .filter(f -> f.get("origin").asText().equals(origin) && f.get("destination").asText().equals(destination))
                .filter(f -> f.get("dates").has(date))
                .sorted((a, b) -> a.get("flight_number").asText().compareTo(b.get("flight_number").asText()))
                .forEach(f -> {
                    ObjectNode flight = f.deepCopy();
                    flight.remove("dates");
                    flight.setAll((ObjectNode) f.get("dates").get(date).deepCopy());
                    found.add(flight);
                });
        return found;
    }

    /**
     * Marks a reservation cancelled and returns it.
     *
     * @return empty when there is no such reservation; the reservation unchanged when it was cancelled already
     */
    public synchronized Optional<ObjectNode> cancel(String reservationId) {
        ObjectNode reservation = reservations.get(reservationId);
        if (reservation == null) {
            return Optional.empty();
        }
        reservation.put("status", "cancelled");
        return Optional.of(reservation.deepCopy());
    }

    /**
     * Removes a reservation's details while its user still lists it: the kind of inconsistency that makes a recorded
     * routine fail midway, for demos and tests of escalation.
     */
    public void dropReservation(String reservationId) {
        reservations.remove(reservationId);
    }

    private void user(String id, String first, String last, String membership) {
        ObjectNode user = JSON.createObjectNode().put("user_id", id);
        user.putObject("name").put("first_name", first).put("last_name", last);
        user.put("email", (first + "." + last).toLowerCase(Locale.ROOT) + "@example.com").put("membership", membership);
        user.putArray("reservations");
        users.put(id, user);
    }

    private void reservation(String id, String userId, String flightNumber, String date, String cabin, int price) {
        ObjectNode flight = flights.get(flightNumber);
        ObjectNode reservation = JSON.createObjectNode().put("reservation_id", id).put("user_id", userId)
                .put("origin", flight.get("origin").asText()).put("destination", flight.get("destination").asText())
                .put("flight_type", "one_way").put("cabin", cabin);
        reservation.putArray("flights").addObject().put("flight_number", flightNumber).put("date", date)
                .put("origin", flight.get("origin").asText()).put("destination", flight.get("destination").asText())
                .put("price", price);
        ObjectNode user = users.get(userId);
        reservation.putArray("passengers").addObject().put("first_name", user.get("name").get("first_name").asText())
                .put("last_name", user.get("name").get("last_name").asText());
        reservation.put("status", "active");
        reservations.put(id, reservation);
        ((ArrayNode) user.get("reservations")).add(id);
    }

    private void flight(String number, String origin, String destination, String departs, String arrives,
                        String... dates) {
        ObjectNode flight = JSON.createObjectNode().put("flight_number", number).put("origin", origin)
                .put("destination", destination).put("scheduled_departure_time_est", departs)
                .put("scheduled_arrival_time_est", arrives);
        ObjectNode byDate = flight.putObject("dates");
        for (String date : List.of(dates)) {
            ObjectNode day = byDate.putObject(date).put("status", "available");
            day.putObject("available_seats").put("economy", 12).put("business", 4);
            day.putObject("prices").put("economy", 180).put("business", 760);
        }
        flights.put(number, flight);
    }
}
