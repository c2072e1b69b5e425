package io.procmem.registry.store;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The schema registry's logic without HTTP or Kafka: global ids (the same schema in canonical form gets the same id
 * in every subject), per-subject versions, compatibility levels and soft deletes. Every change goes to the
 * {@link ChangeLog} first and is applied only when the log accepted it. Thread-safe; requests are serialized, which
 * is plenty for a registry that serializers call once per schema.
 *
 * <p>Limits: Avro only; no schema references, metadata or rule sets; no hard deletes; one writer per change log.
 */
public final class SchemaStore {
    /** Version argument meaning "the latest live version". */
    public static final int LATEST = -1;

    private final StoreState state;
    private final ChangeLog log;

    public SchemaStore(CompatibilityLevel defaultLevel, ChangeLog log) {
        this.state = new StoreState(defaultLevel);
        this.log = log;
    }

    /** Applies a change read back from the log at start-up, without writing it again. */
    public synchronized void replay(StoreChange change) {
        state.apply(change);
    }

    /** Registers the schema under the subject, or returns the live version that already has it. */
    public synchronized RegisteredSchema register(String subject, String schemaText) {
        Schema schema = AvroSchemas.parse(schemaText);
        String canonical = schema.toString();
        List<RegisteredSchema> live = state.live(subject);
        Optional<RegisteredSchema> existing = live.stream().filter(entry -> entry.schema().equals(canonical)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> problems = problems(level(subject), schema, live);
        if (!problems.isEmpty()) {
            throw new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\", details: " + problems);
        }
        int id = state.idOf(canonical).orElse(state.nextId());
        int version = state.all(subject).stream().mapToInt(RegisteredSchema::version).max().orElse(0) + 1;
        RegisteredSchema entry = new RegisteredSchema(subject, version, id, canonical, false);
        commit(List.of(entry));
        return entry;
    }

    /** The version of the subject holding this schema (40401 unknown subject, 40403 not registered there). */
    public synchronized RegisteredSchema lookup(String subject, String schemaText, boolean includeDeleted) {
        List<RegisteredSchema> versions = versionsOrFail(subject, includeDeleted);
        String canonical = AvroSchemas.parse(schemaText).toString();
        return versions.stream().filter(entry -> entry.schema().equals(canonical)).reduce((first, second) -> second)
                .orElseThrow(() -> RegistryException.schemaNotFound(
                        "this schema is not registered under subject '" + subject + "'"));
    }

    /** One version, or {@link #LATEST}; 40401 for an unknown subject, 40402 for a missing version. */
    public synchronized RegisteredSchema version(String subject, int version, boolean includeDeleted) {
        List<RegisteredSchema> versions = versionsOrFail(subject, includeDeleted);
        if (version == LATEST) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(entry -> entry.version() == version).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, Integer.toString(version)));
    }

    public synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        return versionsOrFail(subject, includeDeleted).stream().map(RegisteredSchema::version).toList();
    }

    public synchronized List<String> subjects(boolean includeDeleted) {
        return state.subjects().stream()
                .filter(subject -> !(includeDeleted ? state.all(subject) : state.live(subject)).isEmpty()).toList();
    }

    public synchronized String schemaById(int id) {
        return state.schema(id).orElseThrow(() -> RegistryException.schemaNotFound("no schema with id " + id));
    }

    /** The subject versions that use schema {@code id} (40403 when no schema has that id). */
    public synchronized List<RegisteredSchema> usagesOf(int id, boolean includeDeleted) {
        schemaById(id);
        return state.subjects().stream()
                .flatMap(subject -> (includeDeleted ? state.all(subject) : state.live(subject)).stream())
                .filter(entry -> entry.id() == id).toList();
    }

    /** Soft-deletes every live version of the subject and returns their numbers. */
    public synchronized List<Integer> deleteSubject(String subject) {
        List<RegisteredSchema> live = versionsOrFail(subject, true).stream().filter(entry -> !entry.deleted()).toList();
        if (live.isEmpty()) {
            throw new RegistryException(404, 40404, "Subject '" + subject + "' was soft deleted already.");
        }
        commit(live.stream().<StoreChange>map(RegisteredSchema::softDeleted).toList());
        return live.stream().map(RegisteredSchema::version).toList();
    }

    /**
     * Why the schema may not be registered under the subject: against the given version only, or with
     * {@link #LATEST} against what the subject's level selects (nothing for a subject without live versions).
     */
    public synchronized List<String> compatibilityProblems(String subject, String schemaText, int version) {
        Schema schema = AvroSchemas.parse(schemaText);
        List<RegisteredSchema> against = version == LATEST ? state.live(subject) : List.of(version(subject, version, false));
        return problems(level(subject), schema, against);
    }

    public synchronized CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    public synchronized void setGlobalLevel(CompatibilityLevel level) {
        commit(List.of(new ConfigChange(null, level)));
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    public synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        commit(List.of(new ConfigChange(subject, level)));
    }

    /** Removes the subject's own level, so the global one applies; returns the removed level. */
    public synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel removed = state.subjectLevel(subject).orElseThrow(() -> new RegistryException(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured"));
        commit(List.of(new ConfigChange(subject, null)));
        return removed;
    }

    /** Number of distinct schemas (ids) held. */
    public synchronized int schemaCount() {
        return state.schemaCount();
    }

    private CompatibilityLevel level(String subject) {
        return state.subjectLevel(subject).orElse(state.globalLevel());
    }

    private List<String> problems(CompatibilityLevel level, Schema candidate, List<RegisteredSchema> against) {
        List<Schema> schemas = against.stream().map(entry -> state.parsed(entry.id())).toList();
        return level.problems(candidate, schemas, against.stream().map(RegisteredSchema::version).toList());
    }

    private List<RegisteredSchema> versionsOrFail(String subject, boolean includeDeleted) {
        List<RegisteredSchema> versions = includeDeleted ? state.all(subject) : state.live(subject);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private void commit(List<StoreChange> changes) {
        log.append(changes);
        changes.forEach(state::apply);
    }
}
