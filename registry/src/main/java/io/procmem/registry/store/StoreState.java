package io.procmem.registry.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's data and the one way it changes ({@link #apply}), shared by live requests and start-up replay. Not
 * thread-safe: {@link SchemaStore} guards it.
 */
final class StoreState {
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> parsedById = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> versionsBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final CompatibilityLevel defaultLevel;
    private CompatibilityLevel globalLevel;
    private int maxId;

    StoreState(CompatibilityLevel defaultLevel) {
        this.defaultLevel = defaultLevel;
        this.globalLevel = defaultLevel;
    }

    void apply(StoreChange change) {
        if (change instanceof RegisteredSchema entry) {
            List<RegisteredSchema> versions = versionsBySubject.computeIfAbsent(entry.subject(), s -> new ArrayList<>());
            versions.removeIf(existing -> existing.version() == entry.version());
            versions.add(entry);
            versions.sort(Comparator.comparingInt(RegisteredSchema::version));
            schemasById.putIfAbsent(entry.id(), entry.schema());
            idsBySchema.putIfAbsent(entry.schema(), entry.id());
            maxId = Math.max(maxId, entry.id());
        } else if (change instanceof ConfigChange config) {
            if (config.subject() == null) {
                globalLevel = config.level() == null ? defaultLevel : config.level();
            } else if (config.level() == null) {
                subjectLevels.remove(config.subject());
            } else {
                subjectLevels.put(config.subject(), config.level());
            }
        }
    }

    /** Every version of the subject, soft-deleted ones included, oldest first; empty for an unknown subject. */
    List<RegisteredSchema> all(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }

    List<RegisteredSchema> live(String subject) {
        return all(subject).stream().filter(entry -> !entry.deleted()).toList();
    }

    List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    Optional<String> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The parsed form of a stored schema; parsing is cached because compatibility checks repeat it. */
    Schema parsed(int id) {
        return parsedById.computeIfAbsent(id, key -> new Schema.Parser().parse(schemasById.get(key)));
    }

    Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idsBySchema.get(canonicalSchema));
    }

    int nextId() {
        return maxId + 1;
    }

    int schemaCount() {
        return schemasById.size();
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }
}
