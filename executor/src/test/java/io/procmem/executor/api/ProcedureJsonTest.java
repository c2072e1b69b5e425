package io.procmem.executor.api;

import static io.procmem.executor.TestProcedures.builder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.Review;
import io.procmem.avro.SideEffect;
import io.procmem.avro.Trigger;
import io.procmem.executor.matching.Continuation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcedureJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompiledProcedure procedure = builder("p-1", 3,
            "get_user_details(user_id)", "get_reservation_details(reservation_id)")
            .setStatus(ProcedureStatus.SHADOW)
            .setStatusReason("promoted after 10 sessions")
            .setTrigger(Trigger.newBuilder().setPrefix(List.of("login()")).setKeywords(List.of("cancel")).build())
            .setInputs(List.of(ProcedureInput.newBuilder().setName("user_id").setDescription("the user").build()))
            .setReviews(List.of(Review.newBuilder().setName("consistency").setPassed(true).setDetail("ok")
                    .setFigures(Map.of("min", 0.9)).build()))
            .build();

    @Test
    void shouldMapEveryFieldOfAProcedure() throws Exception {
        procedure.getSteps().set(1, ProcedureStep.newBuilder(procedure.getSteps().get(1))
                .setSideEffect(SideEffect.WRITE)
                .setForeach("$.steps[0].result.reservations")
                .setArguments(List.of(ArgumentBinding.newBuilder().setName("reservation_id")
                        .setKind(BindingKind.LOOP_ELEMENT).setSource(null).setConstantJson("\"x\"")
                        .setConsistency(0.75).build()))
                .build());

        JsonNode expected = JSON.readTree("""
                {"procedureId": "p-1", "version": 3, "status": "SHADOW", "statusReason": "promoted after 10 sessions",
                 "fleet": "default", "name": "get_user_details > get_reservation_details",
                 "signature": "get_user_details(user_id) > get_reservation_details(reservation_id)",
                 "trigger": {"prefix": ["login()"], "keywords": ["cancel"]},
                 "inputs": [{"name": "user_id", "jsonType": "string", "description": "the user"}],
                 "steps": [
                   {"index": 0, "tool": "get_user_details", "abstractStep": "get_user_details(user_id)",
                    "sideEffect": "READ", "foreach": null,
                    "arguments": [{"name": "user_id", "kind": "INPUT", "source": "user_id", "constantJson": null,
                                   "consistency": 1.0}]},
                   {"index": 1, "tool": "get_reservation_details",
                    "abstractStep": "get_reservation_details(reservation_id)", "sideEffect": "WRITE",
                    "foreach": "$.steps[0].result.reservations",
                    "arguments": [{"name": "reservation_id", "kind": "LOOP_ELEMENT", "source": null,
                                   "constantJson": "\\"x\\"", "consistency": 0.75}]}],
                 "support": {"occurrences": 10, "sessions": 10, "agents": 1, "successfulSessions": 10},
                 "reviews": [{"name": "consistency", "passed": true, "detail": "ok", "figures": {"min": 0.9}}],
                 "createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-01T00:00:03Z"}""");

        assertThat(reparsed(ProcedureJson.full(procedure))).isEqualTo(expected);
    }

    @Test
    void shouldSummariseProcedureWithStatusAndSupport() throws Exception {
        JsonNode expected = JSON.readTree("""
                {"procedureId": "p-1", "version": 3, "name": "get_user_details > get_reservation_details",
                 "status": "SHADOW", "fleet": "default", "stepCount": 2,
                 "support": {"occurrences": 10, "sessions": 10, "agents": 1, "successfulSessions": 10},
                 "updatedAt": "2025-01-01T00:00:03Z"}""");

        assertThat(reparsed(ProcedureJson.summary(procedure))).isEqualTo(expected);
    }

    @Test
    void shouldListOnlyTheStepsLeftInAContinuation() throws Exception {
        JsonNode expected = JSON.readTree("""
                {"procedureId": "p-1", "version": 3, "name": "get_user_details > get_reservation_details",
                 "status": "SHADOW", "fleet": "default", "matchedSteps": 1,
                 "remainingSteps": [{"index": 1, "tool": "get_reservation_details",
                                     "abstractStep": "get_reservation_details(reservation_id)",
                                     "arguments": ["reservation_id"]}],
                 "support": {"occurrences": 10, "sessions": 10, "agents": 1, "successfulSessions": 10}}""");

        assertThat(reparsed(ProcedureJson.continuation(new Continuation(procedure, 1)))).isEqualTo(expected);
    }

    /** Jackson compares numbers by node type (int vs long), so compare as a reader of the JSON text would. */
    private static JsonNode reparsed(JsonNode node) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(node));
    }
}
