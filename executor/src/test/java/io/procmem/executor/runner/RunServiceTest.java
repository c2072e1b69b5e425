package io.procmem.executor.runner;

import static io.procmem.executor.Routines.input;
import static io.procmem.executor.Routines.procedure;
import static io.procmem.executor.Routines.step;
import static io.procmem.executor.Routines.userReservations;
import static io.procmem.executor.runner.ProcedureRunnerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import io.procmem.executor.matching.ObservedStep;
import io.procmem.executor.store.ProcedureIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RunServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    private final ProcedureIndex index = new ProcedureIndex();
    private final ScriptedGateway gateway = new ScriptedGateway()
            .on("get_user_details", args -> json("{\"reservations\": [\"NO6JO3\"]}"))
            .on("get_reservation_details", args -> json("{\"status\": \"active\"}"));
    private final List<RunRecord> records = new CopyOnWriteArrayList<>();

    @Test
    void shouldContinueTheSessionWithTheMatchingProcedureFromTheStepAfterTheMatch() {
        index.put(userReservations("p-1", ProcedureStatus.AUTONOMOUS));

        RunOutcome outcome = service(true).continueSession(session("s-1",
                new ObservedStep("list_all_airports", null, json("[]")),
                new ObservedStep("get_user_details", json("{\"user_id\": \"mia_li_3668\"}"),
                        json("{\"reservations\": [\"NO6JO3\", \"AIXC49\"]}"))));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Served.class, served -> {
            assertThat(served.procedure().getProcedureId()).isEqualTo("p-1");
            assertThat(served.startStep()).isEqualTo(1);
            assertThat(served.calls()).extracting(c -> c.arguments().get("reservation_id").asText())
                    .containsExactly("NO6JO3", "AIXC49");
        });
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.mode()).isEqualTo(ExecutionMode.CONTINUATION);
            assertThat(record.sessionId()).isEqualTo("s-1");
            assertThat(record.startedAt()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void shouldGiveTheSameRunIdToTheSameSessionStateSoWritesKeepTheirIdempotencyKeys() {
        index.put(userReservations("p-1", ProcedureStatus.AUTONOMOUS));
        ObservedStep user = new ObservedStep("get_user_details", json("{\"user_id\": \"u\"}"), json("{\"reservations\": []}"));

        RunOutcome first = service(true).continueSession(session("s-1", user));
        RunOutcome again = service(true).continueSession(session("s-1", user));
        RunOutcome other = service(true).continueSession(session("s-2", user));

        assertThat(((RunOutcome.Served) again).runId()).isEqualTo(((RunOutcome.Served) first).runId())
                .isNotEqualTo(((RunOutcome.Served) other).runId());
    }

    @Test
    void shouldAnswerNoMatchAndReportItWhenNoServableProcedureContinues() {
        index.put(userReservations("p-shadow", ProcedureStatus.SHADOW));
        index.put(userReservations("p-candidate", ProcedureStatus.CANDIDATE));

        RunOutcome outcome = service(false).continueSession(session("s-1",
                new ObservedStep("get_user_details", json("{\"user_id\": \"u\"}"), json("{\"reservations\": []}"))));

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.NoMatch.class,
                m -> assertThat(m.reason()).contains("no AUTONOMOUS procedure continues the 1 step(s) sent"));
        assertThat(records).singleElement().extracting(RunRecord::outcome).isSameAs(outcome);
        assertThat(gateway.invocations()).isEmpty();
    }

    @Test
    void shouldServeCandidatesWhenAllowed() {
        index.put(userReservations("p-candidate", ProcedureStatus.CANDIDATE));

        RunOutcome outcome = service(true).continueSession(session("s-1",
                new ObservedStep("get_user_details", json("{\"user_id\": \"u\"}"), json("{\"reservations\": []}"))));

        assertThat(outcome).isInstanceOf(RunOutcome.Served.class);
    }

    @Test
    void shouldNotContinueAfterAForeachStepTheAgentCalledOnce() {
        List<ProcedureStep> loop = userReservations("x", ProcedureStatus.AUTONOMOUS).getSteps();
        index.put(procedure("p-loop", ProcedureStatus.AUTONOMOUS, loop.get(0), loop.get(1),
                step(2, "cancel_reservation", SideEffect.WRITE, null, input("reservation_id"))));

        RunOutcome outcome = service(false).continueSession(session("s-1",
                new ObservedStep("get_user_details", json("{\"user_id\": \"u\"}"), json("{\"reservations\": []}")),
                new ObservedStep("get_reservation_details", json("{\"reservation_id\": \"NO6JO3\"}"), json("{}"))));

        assertThat(outcome).isInstanceOf(RunOutcome.NoMatch.class);
    }

    @Test
    void shouldRefuseAnIntentRunMissingADeclaredInput() {
        RunService service = service(true);

        RunRefused refused = catchThrowableOfType(RunRefused.class, () -> service.runProcedure(
                userReservations("p-1", ProcedureStatus.AUTONOMOUS), Map.of(), null, null));

        assertThat(refused.reason()).isEqualTo(RunRefused.Reason.MISSING_INPUT);
        assertThat(refused.subject()).isEqualTo("user_id");
        assertThat(records).isEmpty();
    }

    @Test
    void shouldRefuseToRunAProcedureThePolicyDoesNotServe() {
        RunRefused refused = catchThrowableOfType(RunRefused.class, () -> service(false).runProcedure(
                userReservations("p-1", ProcedureStatus.CANDIDATE), Map.of("user_id", json("\"u\"")), null, null));

        assertThat(refused.reason()).isEqualTo(RunRefused.Reason.NOT_SERVABLE);
        assertThat(refused).hasMessageContaining("is CANDIDATE").hasMessageContaining("only AUTONOMOUS");
    }

    @Test
    void shouldRunAWholeProcedureInIntentMode() {
        RunOutcome outcome = service(true).runProcedure(userReservations("p-1", ProcedureStatus.AUTONOMOUS),
                Map.of("user_id", json("\"u\"")), null, "s-9");

        assertThat(outcome).isInstanceOfSatisfying(RunOutcome.Served.class,
                served -> assertThat(served.calls()).hasSize(2));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.mode()).isEqualTo(ExecutionMode.INTENT);
            assertThat(r.sessionId()).isEqualTo("s-9");
        });
    }

    private RunService service(boolean serveCandidates) {
        return new RunService(index, new ProcedureRunner(gateway, RetryPolicy.none()), new ServePolicy(serveCandidates),
                List.of(records::add), Redactor.defaults(), CLOCK);
    }

    private static SessionRun session(String sessionId, ObservedStep... steps) {
        return new SessionRun(sessionId, null, "show my reservations", null, List.of(steps));
    }
}
