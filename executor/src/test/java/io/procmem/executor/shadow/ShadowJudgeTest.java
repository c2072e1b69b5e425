package io.procmem.executor.shadow;

import static io.procmem.executor.Routines.userReservations;
import static io.procmem.executor.shadow.AgentEvents.ended;
import static io.procmem.executor.shadow.AgentEvents.reservation;
import static io.procmem.executor.shadow.AgentEvents.started;
import static io.procmem.executor.shadow.AgentEvents.userDetails;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.store.ProcedureIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ShadowJudgeTest {
    private final ProcedureIndex index = new ProcedureIndex();
    private final AtomicReference<Instant> now = new AtomicReference<>(AgentEvents.AT);

    @Test
    void shouldReportAgreementWhenTheAgentMakesThePredictedCall() {
        index.put(userReservations("p-shadow", ProcedureStatus.SHADOW));
        ShadowJudge judge = judge(100, Duration.ofHours(1));

        assertThat(judge.onEvent(started("s-1"))).isEmpty();
        assertThat(judge.onEvent(userDetails("s-1"))).isEmpty();
        ExecutionReport report = judge.onEvent(reservation("s-1", 1, "NO6JO3")).orElseThrow();

        assertThat(report.getOutcome()).isEqualTo(ExecutionOutcome.SHADOW_AGREED);
        assertThat(report.getMode()).isEqualTo(ExecutionMode.SHADOW);
        assertThat(report.getProcedureId()).isEqualTo("p-shadow");
        assertThat(report.getSessionId()).isEqualTo("s-1");
        assertThat(report.getExecutorId()).isEqualTo("judge-test");
        assertThat(report.getStepsPlanned()).isEqualTo(1);
        assertThat(report.getStepsRun()).isZero();
        assertThat(report.getReason()).isNull();
    }

    @Test
    void shouldReportWhatDifferedWhenTheAgentDoesSomethingElse() {
        index.put(userReservations("p-shadow", ProcedureStatus.SHADOW));
        ShadowJudge judge = judge(100, Duration.ofHours(1));

        judge.onEvent(started("s-2"));
        judge.onEvent(userDetails("s-2"));
        ExecutionReport report = judge.onEvent(reservation("s-2", 1, "HKEG34")).orElseThrow();

        assertThat(report.getOutcome()).isEqualTo(ExecutionOutcome.SHADOW_DISAGREED);
        assertThat(report.getReason()).contains("reservation_id").contains("\"NO6JO3\"").contains("\"HKEG34\"");
    }

    @Test
    void shouldJudgeEachPredictionOnceWhenAnEventIsResent() {
        index.put(userReservations("p-shadow", ProcedureStatus.SHADOW));
        ShadowJudge judge = judge(100, Duration.ofHours(1));

        judge.onEvent(userDetails("s-3"));
        Optional<ExecutionReport> first = judge.onEvent(reservation("s-3", 1, "NO6JO3"));
        Optional<ExecutionReport> again = judge.onEvent(reservation("s-3", 1, "NO6JO3"));

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
    }

    @Test
    void shouldDisagreeWhenTheSessionEndsWhereACallWasPredicted() {
        index.put(userReservations("p-shadow", ProcedureStatus.SHADOW));
        ShadowJudge judge = judge(100, Duration.ofHours(1));

        judge.onEvent(started("s-4"));
        judge.onEvent(userDetails("s-4"));
        ExecutionReport report = judge.onEvent(ended("s-4")).orElseThrow();

        assertThat(report.getOutcome()).isEqualTo(ExecutionOutcome.SHADOW_DISAGREED);
        assertThat(report.getReason()).contains("session ended").contains("get_reservation_details");
        assertThat(judge.sessions()).isZero();
    }

    @Test
    void shouldPredictNothingForProceduresThatAreNotInShadow() {
        index.put(userReservations("p-served", ProcedureStatus.AUTONOMOUS));
        ShadowJudge judge = judge(100, Duration.ofHours(1));

        judge.onEvent(userDetails("s-5"));

        assertThat(judge.onEvent(reservation("s-5", 1, "NO6JO3"))).isEmpty();
    }

    @Test
    void shouldForgetTheLeastRecentlyActiveSessionBeyondTheBound() {
        ShadowJudge judge = judge(2, Duration.ofHours(1));

        judge.onEvent(started("a"));
        judge.onEvent(started("b"));
        judge.onEvent(userDetails("a"));
        judge.onEvent(started("c"));

        assertThat(judge.sessions()).isEqualTo(2);
    }

    @Test
    void shouldForgetSessionsIdleLongerThanTheTtl() {
        index.put(userReservations("p-shadow", ProcedureStatus.SHADOW));
        ShadowJudge judge = judge(100, Duration.ofMinutes(30));

        judge.onEvent(started("old"));
        judge.onEvent(userDetails("old"));
        now.set(AgentEvents.AT.plus(Duration.ofMinutes(31)));
        judge.onEvent(started("new"));

        assertThat(judge.sessions()).isEqualTo(1);
        assertThat(judge.onEvent(ended("old"))).as("its prediction was forgotten with it").isEmpty();
    }

    private ShadowJudge judge(int maxSessions, Duration ttl) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new ShadowJudge(new ShadowPredictor(index), new ShadowComparison(Redactor.defaults()), maxSessions, ttl,
                "judge-test", clock);
    }
}
