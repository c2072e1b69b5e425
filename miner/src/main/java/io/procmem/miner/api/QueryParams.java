package io.procmem.miner.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.jetty.util.Fields;

/**
 * The query parameters of the API, parsed and checked: {@code from} and {@code to} are ISO-8601 instants
 * ({@code 2026-11-23T10:00:00Z}), by default the last {@value #DEFAULT_RANGE_HOURS} hours up to now; {@code limit}
 * is 1 to {@value #MAX_LIMIT}; {@code scope} is {@code all} (the default: every instance's share) or {@code local}
 * (this instance's partitions only). A bad value is a 400 naming the parameter.
 */
final class QueryParams {
    static final int DEFAULT_RANGE_HOURS = 24;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;

    private final Fields fields;
    private final Clock clock;

    QueryParams(Fields fields, Clock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    /** The {@code [from, to)} range asked for. */
    Range range() {
        Instant to = instant("to", clock.instant());
        Instant from = instant("from", to.minus(Duration.ofHours(DEFAULT_RANGE_HOURS)));
        if (from.isAfter(to)) {
            throw ApiError.badParameter("from", "from (" + from + ") is after to (" + to + ")");
        }
        return new Range(from, to);
    }

    int limit() {
        String value = fields.getValue("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw ApiError.badParameter("limit", "limit must be an integer from 1 to " + MAX_LIMIT + "; got '" + value + "'");
    }

    /** Whether the query asks for this instance's share only ({@code scope=local}). */
    boolean localOnly() {
        String value = fields.getValue("scope");
        if (value == null || value.equals("all")) {
            return false;
        }
        if (value.equals("local")) {
            return true;
        }
        throw ApiError.badParameter("scope", "scope must be 'all' or 'local'; got '" + value + "'");
    }

    /** The query string to ask a peer for its share: these parameters, with {@code scope=local}. */
    String forPeer() {
        StringBuilder query = new StringBuilder();
        for (Fields.Field field : fields) {
            if (field.getName().equals("scope")) {
                continue;
            }
            for (String value : field.getValues()) {
                query.append(URLEncoder.encode(field.getName(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return query.append("scope=local").toString();
    }

    private Instant instant(String name, Instant fallback) {
        String value = fields.getValue(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiError.badParameter(name, name + " must be an ISO-8601 instant such as 2026-01-31T10:00:00Z; got '"
                    + value + "'");
        }
    }

    record Range(Instant from, Instant to) {
    }
}
