package io.procmem.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.registry.store.CompatibilityLevel;
import io.procmem.registry.store.RegistryException;
import io.procmem.registry.store.SchemaStore;
import java.util.List;
import java.util.Optional;

/** {@code /config[/subject]} (compatibility levels) and {@code /compatibility/...} (dry-run checks). */
final class ConfigEndpoints {
    private final SchemaStore store;

    ConfigEndpoints(SchemaStore store) {
        this.store = store;
    }

    void addTo(Routes routes) {
        routes.add("GET", "config", call -> level(store.globalLevel()))
                .add("PUT", "config", call -> {
                    CompatibilityLevel level = requestedLevel(call);
                    store.setGlobalLevel(level);
                    return updated(level);
                })
                .add("GET", "config/*", this::subjectLevel)
                .add("PUT", "config/*", call -> {
                    CompatibilityLevel level = requestedLevel(call);
                    store.setSubjectLevel(call.segment(1), level);
                    return updated(level);
                })
                .add("DELETE", "config/*", call -> level(store.deleteSubjectLevel(call.segment(1))))
                .add("POST", "compatibility/subjects/*/versions", call -> check(call, SchemaStore.LATEST))
                .add("POST", "compatibility/subjects/*/versions/*", call -> check(call, call.version(4)));
    }

    // Like Confluent, a subject without its own level is a 40408 unless the caller asks for the effective level.
    private Reply subjectLevel(HttpCall call) {
        String subject = call.segment(1);
        return store.subjectLevel(subject).map(ConfigEndpoints::level)
                .or(() -> call.flag("defaultToGlobal") ? Optional.of(level(store.globalLevel())) : Optional.empty())
                .orElseThrow(() -> new RegistryException(404, 40408,
                        "Subject '" + subject + "' does not have subject-level compatibility configured"));
    }

    private Reply check(HttpCall call, int version) {
        List<String> problems = store.compatibilityProblems(call.segment(2), SchemaRequest.schemaText(call), version);
        ObjectNode answer = Reply.object().put("is_compatible", problems.isEmpty());
        if (call.flag("verbose")) {
            answer.set("messages", SubjectEndpoints.strings(problems));
        }
        return Reply.ok(answer);
    }

    private static CompatibilityLevel requestedLevel(HttpCall call) {
        JsonNode body = call.jsonObject();
        JsonNode value = body.hasNonNull("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        if (value == null || value.isNull()) {
            throw new RegistryException(422, 42203, "Invalid compatibility level: the body needs field \"compatibility\","
                    + " one of " + List.of(CompatibilityLevel.values()));
        }
        try {
            return CompatibilityLevel.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(422, 42203, "Invalid compatibility level: " + e.getMessage());
        }
    }

    private static Reply level(CompatibilityLevel level) {
        return Reply.ok(Reply.object().put("compatibilityLevel", level.name()));
    }

    private static Reply updated(CompatibilityLevel level) {
        return Reply.ok(Reply.object().put("compatibility", level.name()));
    }
}
