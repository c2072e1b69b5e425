package io.procmem.executor.runner;

import static io.procmem.executor.Routines.input;
import static io.procmem.executor.Routines.item;
import static io.procmem.executor.Routines.procedure;
import static io.procmem.executor.Routines.step;
import static io.procmem.executor.Routines.stepResult;
import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.SideEffect;
import io.procmem.executor.gateway.ToolCallException;
import io.procmem.executor.gateway.ToolInvocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcedureRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode MIA = json("""
            {"user_id": "mia_li_3668", "reservations": ["NO6JO3", "AIXC49", "HKEG34"]}""");

    private final ScriptedGateway gateway = new ScriptedGateway()
            .on("get_user_details", args -> MIA)
            .on("get_reservation_details", args -> json("{\"reservation_id\": " + args.get("reservation_id") + ", \"status\": \"active\"}"));
    private final ProcedureRunner runner = new ProcedureRunner(gateway, new RetryPolicy(3, Duration.ofMillis(1)));

    @Test
    void shouldServeEveryStepWithBindingsFromInputsAndEarlierResults() {
        RunOutcome outcome = runner.run(RunPlan.intent("r-1", userReservations("p-1", ProcedureStatus.AUTONOMOUS),
                Map.of("user_id", json("\"mia_li_3668\"")), null));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Served.class, served -> {
            assertThat(served.calls()).extracting(ToolCall::tool).containsExactly("get_user_details",
                    "get_reservation_details", "get_reservation_details", "get_reservation_details");
            assertThat(served.calls()).extracting(c -> c.arguments().toString()).containsExactly(
                    "{\"user_id\":\"mia_li_3668\"}", "{\"reservation_id\":\"NO6JO3\"}", "{\"reservation_id\":\"AIXC49\"}",
                    "{\"reservation_id\":\"HKEG34\"}");
            assertThat(served.calls()).extracting(ToolCall::element).containsExactly(null, 0, 1, 2);
            assertThat(served.calls().get(2).result().get("reservation_id").asText()).isEqualTo("AIXC49");
        });
    }

    @Test
    void shouldContinueFromTheAgentsStepsUsingTheirRecordedResults() {
        RunOutcome outcome = runner.run(new RunPlan("r-1", userReservations("p-1", ProcedureStatus.AUTONOMOUS), 1,
                List.of(json("{\"reservations\": [\"Z7GOZK\"]}")), Map.of(), null, 4));

        assertThat(outcome).isInstanceOf(RunOutcome.Served.class);
        assertThat(gateway.invocations()).extracting(i -> i.arguments().toString())
                .containsExactly("{\"reservation_id\":\"Z7GOZK\"}");
    }

    @Test
    void shouldEscalateOnAToolErrorWithTheResumeIndexAndMakeNoFurtherCalls() {
        gateway.on("get_reservation_details", args -> {
            if (args.get("reservation_id").asText().equals("AIXC49")) {
                throw ToolCallException.toolError("Error: reservation AIXC49 not found");
            }
            return json("{\"status\": \"active\"}");
        });

        RunOutcome outcome = runner.run(new RunPlan("r-1", userReservations("p-1", ProcedureStatus.AUTONOMOUS), 1,
                List.of(MIA), Map.of(), null, 3));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.check().kind()).isEqualTo(Check.Kind.TOOL_ERROR);
            assertThat(escalated.check().stepIndex()).isEqualTo(1);
            assertThat(escalated.check().message()).contains("AIXC49 not found");
            assertThat(escalated.calls()).hasSize(1);
            assertThat(escalated.failedCall().arguments().get("reservation_id").asText()).isEqualTo("AIXC49");
            // Three session steps, then the one call that succeeded: the agent decides session step 4.
            assertThat(escalated.resumeIndex()).isEqualTo(4);
            assertThat(escalated.stepsRun()).isZero();
        });
        assertThat(gateway.invocations()).extracting(i -> i.arguments().get("reservation_id").asText())
                .containsExactly("NO6JO3", "AIXC49");
    }

    @Test
    void shouldEscalateRightAfterAStepWhoseResultLacksAFieldALaterStepReads() {
        gateway.on("get_user_details", args -> json("{\"user_id\": \"mia_li_3668\"}")).on("cancel_reservation", args -> MIA);
        CompiledProcedure procedure = procedure("p-2", ProcedureStatus.AUTONOMOUS,
                step(0, "get_user_details", SideEffect.READ, null, input("user_id")),
                step(1, "get_reservation_details", SideEffect.READ, null, input("user_id")),
                step(2, "cancel_reservation", SideEffect.WRITE, null,
                        stepResult("reservation_id", "$.steps[0].result.reservations[0]")));

        RunOutcome outcome = runner.run(RunPlan.intent("r-1", procedure, Map.of("user_id", json("\"mia_li_3668\"")), null));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.check().kind()).isEqualTo(Check.Kind.MISSING_RESULT_FIELD);
            assertThat(escalated.check().stepIndex()).isZero();
            assertThat(escalated.check().path()).isEqualTo("$.steps[0].result.reservations[0]");
            assertThat(escalated.check().message()).contains("which step 2 reads");
            assertThat(escalated.calls()).hasSize(1);
            assertThat(escalated.resumeIndex()).isEqualTo(1);
            assertThat(escalated.stepsRun()).isEqualTo(1);
        });
        assertThat(gateway.toolsCalled()).containsExactly("get_user_details");
    }

    @Test
    void shouldEscalateBeforeAnyCallWhenTheAgentsResultLacksWhatTheLoopWalks() {
        RunOutcome outcome = runner.run(new RunPlan("r-1", userReservations("p-1", ProcedureStatus.AUTONOMOUS), 1,
                List.of(json("{\"user_id\": \"x\"}")), Map.of(), null, 1));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.check().kind()).isEqualTo(Check.Kind.MISSING_RESULT_FIELD);
            assertThat(escalated.check().message()).contains("lacks a list at $.steps[0].result.reservations");
            assertThat(escalated.resumeIndex()).isEqualTo(1);
        });
        assertThat(gateway.invocations()).isEmpty();
    }

    @Test
    void shouldEscalateBeforeTheStepNamingAnArgumentThatDoesNotResolve() {
        RunOutcome outcome = runner.run(RunPlan.intent("r-1", userReservations("p-1", ProcedureStatus.AUTONOMOUS),
                Map.of(), null));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.check().kind()).isEqualTo(Check.Kind.UNRESOLVED_ARGUMENT);
            assertThat(escalated.check().argument()).isEqualTo("user_id");
            assertThat(escalated.check().path()).isEqualTo("user_id");
        });
        assertThat(gateway.invocations()).isEmpty();
    }

    @Test
    void shouldEscalateBeforeTheFirstCallWhenAToolHasNoGateway() {
        CompiledProcedure procedure = procedure("p-3", ProcedureStatus.AUTONOMOUS,
                step(0, "get_user_details", SideEffect.READ, null, input("user_id")),
                step(1, "book_flight", SideEffect.WRITE, null, input("user_id")));

        RunOutcome outcome = runner.run(RunPlan.intent("r-1", procedure, Map.of("user_id", json("\"u\"")), null));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.check().kind()).isEqualTo(Check.Kind.NO_GATEWAY);
            assertThat(escalated.check().tool()).isEqualTo("book_flight");
        });
        assertThat(gateway.invocations()).isEmpty();
    }

    @Test
    void shouldRetryAReadThatDidNotGetThroughButNeverAWrite() {
        AtomicInteger readFailures = new AtomicInteger(2);
        gateway.on("get_user_details", args -> {
            if (readFailures.getAndDecrement() > 0) {
                throw ToolCallException.transport("connection reset", null);
            }
            return json("{\"reservations\": [\"NO6JO3\"]}");
        }).on("cancel_reservation", args -> {
            throw ToolCallException.transport("timed out", null);
        });
        CompiledProcedure procedure = procedure("p-4", ProcedureStatus.AUTONOMOUS,
                step(0, "get_user_details", SideEffect.READ, null, input("user_id")),
                step(1, "cancel_reservation", SideEffect.WRITE, null,
                        stepResult("reservation_id", "$.steps[0].result.reservations[0]")));

        RunOutcome outcome = runner.run(RunPlan.intent("r-9", procedure, Map.of("user_id", json("\"u\"")), null));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Escalated.class, escalated -> {
            assertThat(escalated.calls()).singleElement().extracting(ToolCall::attempts).isEqualTo(3);
            assertThat(escalated.failedCall().attempts()).isEqualTo(1);
            assertThat(escalated.check().kind()).isEqualTo(Check.Kind.TOOL_ERROR);
        });
        assertThat(gateway.toolsCalled()).containsExactly("get_user_details", "get_user_details", "get_user_details",
                "cancel_reservation");
    }

    @Test
    void shouldSendAnIdempotencyKeyFromRunAndStepWithEveryWriteOnly() {
        gateway.on("cancel_reservation", args -> json("{\"status\": \"cancelled\"}"));
        CompiledProcedure procedure = procedure("p-5", ProcedureStatus.AUTONOMOUS,
                step(0, "get_user_details", SideEffect.READ, null, input("user_id")),
                step(1, "cancel_reservation", SideEffect.WRITE, "$.steps[0].result.reservations",
                        item("reservation_id", "$.item")));

        runner.run(RunPlan.intent("r-7", procedure, Map.of("user_id", json("\"u\"")), null));

        assertThat(gateway.invocations()).extracting(ToolInvocation::idempotencyKey)
                .containsExactly(null, "r-7-1-0", "r-7-1-1", "r-7-1-2");
    }

    @Test
    void shouldNotRetryAReadTheToolAnsweredWithAnError() {
        gateway.on("get_user_details", args -> {
            throw ToolCallException.toolError("Error: user not found");
        });

        RunOutcome outcome = runner.run(RunPlan.intent("r-1", userReservations("p-1", ProcedureStatus.AUTONOMOUS),
                Map.of("user_id", json("\"nobody\"")), null));

        assertThat(outcome).isInstanceOf(RunOutcome.Escalated.class);
        assertThat(gateway.invocations()).hasSize(1);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
