package io.procmem.ingest.trajectory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What the reader fills in when a record does not say it: the source name that prefixes generated session ids, the
 * agent id and the fleet.
 *
 * @param sourceName prefix of generated session ids, e.g. {@code tau-airline} gives {@code tau-airline-t12-r3}
 * @param agentId    agent id for records without {@code agent_id}, or null to fall back to the model, then the
 *                   source name
 * @param fleet      fleet of every session read
 */
public record SessionDefaults(String sourceName, String agentId, String fleet) {
    public SessionDefaults {
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("sourceName must not be blank");
        }
        Objects.requireNonNull(fleet, "fleet");
    }

    /**
     * Defaults naming sessions after the file: {@code runs/GPT-4o Airline.json} gives source name
     * {@code gpt-4o-airline}. Lower case and dashes keep the ids safe in URLs, file names and Kafka keys.
     */
    public static SessionDefaults forFile(Path file, String agentId, String fleet) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String source = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return new SessionDefaults(source.isBlank() ? "session" : source, agentId, fleet);
    }
}
