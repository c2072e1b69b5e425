package io.procmem.miner.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.Support;
import io.procmem.avro.Trigger;
import io.procmem.miner.config.MinerConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final long NOW = Instant.parse("2026-01-02T00:00:00Z").toEpochMilli();
    private final Lifecycle lifecycle = new Lifecycle(new LifecycleRules(20, 0.95, 0.5, 20, 0.2, 10));

    @Test
    void shouldPublishTheFirstEmissionAsVersionOneWithTheCompilersStatus() {
        Lifecycle.Step step = lifecycle.compiled(null, emitted(ProcedureStatus.CANDIDATE, 7, 5));

        assertThat(step.published().getVersion()).isEqualTo(1);
        assertThat(step.published().getStatus()).isEqualTo(ProcedureStatus.CANDIDATE);
        assertThat(step.state().counters()).isEqualTo(LifecycleCounters.since(1));
    }

    @Test
    void shouldRaiseCandidateToShadowWhenTheCompilerDecidesSoAndRestartCounting() {
        ProcedureLifecycle candidate = withReports(stored(ProcedureStatus.CANDIDATE, 3), ExecutionOutcome.SERVED, 4);

        Lifecycle.Step step = lifecycle.compiled(candidate, emitted(ProcedureStatus.SHADOW, 1, 10));

        assertThat(step.published().getVersion()).isEqualTo(4);
        assertThat(step.published().getStatus()).isEqualTo(ProcedureStatus.SHADOW);
        assertThat(step.published().getStatusReason()).isEqualTo("compiled");
        assertThat(step.published().getSupport().getOccurrences()).isEqualTo(10);
        assertThat(step.published().getCreatedAt()).isEqualTo(CREATED);
        assertThat(step.state().counters()).isEqualTo(LifecycleCounters.since(4));
    }

    @Test
    void shouldKeepAPromotedStatusAndItsReasonWhenTheCompilerEmitsALowerOne() {
        ProcedureLifecycle autonomous = withReports(stored(ProcedureStatus.AUTONOMOUS, 5), ExecutionOutcome.SERVED, 3);

        Lifecycle.Step step = lifecycle.compiled(autonomous, emitted(ProcedureStatus.SHADOW, 1, 40));

        assertThat(step.published().getVersion()).isEqualTo(6);
        assertThat(step.published().getStatus()).isEqualTo(ProcedureStatus.AUTONOMOUS);
        assertThat(step.published().getStatusReason()).isEqualTo("stored reason");
        assertThat(step.published().getSupport().getOccurrences()).as("figures refreshed").isEqualTo(40);
        assertThat(step.state().counters().served()).as("status unchanged: counting goes on").isEqualTo(3);
    }

    @Test
    void shouldNotResurrectARetiredProcedure() {
        ProcedureLifecycle retired = stored(ProcedureStatus.RETIRED, 4);

        Lifecycle.Step step = lifecycle.compiled(retired, emitted(ProcedureStatus.SHADOW, 1, 80));

        assertThat(step.published()).isNull();
        assertThat(step.state()).isSameAs(retired);
    }

    @Test
    void shouldPromoteShadowWhenAgreementReachesTheBarOverEnoughPredictions() {
        ProcedureLifecycle shadow = stored(ProcedureStatus.SHADOW, 2);
        shadow = withReports(shadow, ExecutionOutcome.SHADOW_AGREED, 18);
        shadow = withReports(shadow, ExecutionOutcome.SHADOW_DISAGREED, 1);
        assertThat(shadow.procedure().getStatus()).as("19 predictions are not enough").isEqualTo(ProcedureStatus.SHADOW);

        Lifecycle.Step step = lifecycle.reported(shadow, report(ExecutionOutcome.SHADOW_AGREED, 2), NOW);

        assertThat(step.published().getStatus()).isEqualTo(ProcedureStatus.AUTONOMOUS);
        assertThat(step.published().getVersion()).isEqualTo(3);
        assertThat(step.published().getStatusReason())
                .isEqualTo("promoted: shadow agreement 0.95 (19 of 20 predictions) >= 0.95");
        assertThat(step.published().getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(NOW));
        assertThat(step.state().counters()).isEqualTo(LifecycleCounters.since(3));
    }

    @Test
    void shouldKeepShadowingWhileAgreementIsBetweenTheBars() {
        ProcedureLifecycle shadow = withReports(stored(ProcedureStatus.SHADOW, 2), ExecutionOutcome.SHADOW_AGREED, 14);
        shadow = withReports(shadow, ExecutionOutcome.SHADOW_DISAGREED, 6);

        assertThat(shadow.procedure().getStatus()).isEqualTo(ProcedureStatus.SHADOW);
        assertThat(shadow.procedure().getVersion()).isEqualTo(2);
        assertThat(shadow.counters().agreement()).isEqualTo(0.7);
    }

    @Test
    void shouldRetireShadowWhenAgreementFallsBelowTheBar() {
        ProcedureLifecycle shadow = withReports(stored(ProcedureStatus.SHADOW, 2), ExecutionOutcome.SHADOW_AGREED, 9);
        shadow = withReports(shadow, ExecutionOutcome.SHADOW_DISAGREED, 10);

        Lifecycle.Step step = lifecycle.reported(shadow, report(ExecutionOutcome.SHADOW_DISAGREED, 2), NOW);

        assertThat(step.published().getStatus()).isEqualTo(ProcedureStatus.RETIRED);
        assertThat(step.published().getStatusReason()).isEqualTo("retired: shadow agreement 0.45 (9 of 20 predictions) < 0.50");
    }

    @Test
    void shouldDemoteAutonomousWhenTheEscalationRateOfTheLastRunsExceedsTheLimit() {
        ProcedureLifecycle autonomous = stored(ProcedureStatus.AUTONOMOUS, 3);
        for (int i = 0; i < 4; i++) {
            autonomous = withReports(autonomous, ExecutionOutcome.SERVED, 4);
            autonomous = withReports(autonomous, ExecutionOutcome.ESCALATED, 1);
        }
        assertThat(autonomous.procedure().getStatus()).as("4 of 20 is the limit, not above it")
                .isEqualTo(ProcedureStatus.AUTONOMOUS);

        Lifecycle.Step step = lifecycle.reported(autonomous, report(ExecutionOutcome.ESCALATED, 3), NOW);

        assertThat(step.published().getStatus()).isEqualTo(ProcedureStatus.SHADOW);
        assertThat(step.published().getVersion()).isEqualTo(4);
        assertThat(step.published().getStatusReason()).isEqualTo("demoted: escalation rate 0.25 over the last 20 runs > 0.20");
    }

    @Test
    void shouldRetireAutonomousAfterConsecutiveFailures() {
        ProcedureLifecycle autonomous = withReports(stored(ProcedureStatus.AUTONOMOUS, 3), ExecutionOutcome.SERVED, 2);
        autonomous = withReports(autonomous, ExecutionOutcome.ESCALATED, 9);
        assertThat(autonomous.procedure().getStatus()).isEqualTo(ProcedureStatus.AUTONOMOUS);

        Lifecycle.Step step = lifecycle.reported(autonomous, report(ExecutionOutcome.ESCALATED, 3), NOW);

        assertThat(step.published().getStatus()).isEqualTo(ProcedureStatus.RETIRED);
        assertThat(step.published().getStatusReason()).startsWith("retired: 10 failed runs in a row").contains("2 served, 10 escalated");
    }

    @Test
    void shouldRetireCandidateAfterConsecutiveFailuresButNotWhenASuccessBreaksTheRun() {
        ProcedureLifecycle candidate = withReports(stored(ProcedureStatus.CANDIDATE, 1), ExecutionOutcome.ESCALATED, 9);
        ProcedureLifecycle interrupted = withReports(withReports(candidate, ExecutionOutcome.SERVED, 1), ExecutionOutcome.ESCALATED, 9);
        assertThat(interrupted.procedure().getStatus()).isEqualTo(ProcedureStatus.CANDIDATE);

        Lifecycle.Step step = lifecycle.reported(candidate, report(ExecutionOutcome.ESCALATED, 1), NOW);

        assertThat(step.published().getStatus()).isEqualTo(ProcedureStatus.RETIRED);
        assertThat(step.published().getVersion()).isEqualTo(2);
    }

    @Test
    void shouldIgnoreReportsAboutVersionsBeforeTheCurrentStatus() {
        ProcedureLifecycle autonomous = stored(ProcedureStatus.AUTONOMOUS, 5);

        Lifecycle.Step step = lifecycle.reported(autonomous, report(ExecutionOutcome.ESCALATED, 4), NOW);

        assertThat(step.published()).isNull();
        assertThat(step.state().counters().escalated()).isZero();
    }

    @Test
    void shouldCountButNeverChangeARetiredProcedureOnReports() {
        ProcedureLifecycle retired = withReports(stored(ProcedureStatus.RETIRED, 4), ExecutionOutcome.SHADOW_AGREED, 30);

        assertThat(retired.procedure().getStatus()).isEqualTo(ProcedureStatus.RETIRED);
        assertThat(retired.procedure().getVersion()).isEqualTo(4);
    }

    @Test
    void shouldRefuseARetireBarAboveThePromoteBar() {
        assertThatThrownBy(() -> new LifecycleRules(20, 0.6, 0.7, 20, 0.2, 10)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("miner.lifecycle.retire.below.agreement");
    }

    @Test
    void shouldReadTheDocumentedDefaultsFromTheMinerConfig() {
        LifecycleRules defaults = LifecycleRules.from(new MinerConfig(Map.of()));

        assertThat(defaults).isEqualTo(new LifecycleRules(20, 0.95, 0.5, 20, 0.2, 10));
    }

    /** Applies {@code count} reports about the then current version. */
    private ProcedureLifecycle withReports(ProcedureLifecycle state, ExecutionOutcome outcome, int count) {
        ProcedureLifecycle current = state;
        for (int i = 0; i < count; i++) {
            current = lifecycle.reported(current, report(outcome, current.procedure().getVersion()), NOW).state();
        }
        return current;
    }

    private static ProcedureLifecycle stored(ProcedureStatus status, int version) {
        CompiledProcedure procedure = CompiledProcedure.newBuilder(emitted(status, version, 5))
                .setStatusReason("stored reason").build();
        return new ProcedureLifecycle(procedure, LifecycleCounters.since(version));
    }

    static CompiledProcedure emitted(ProcedureStatus status, int version, long occurrences) {
        return CompiledProcedure.newBuilder().setProcedureId("p-1").setVersion(version).setStatus(status)
                .setStatusReason("compiled").setName("a > b").setSignature("a() > b()")
                .setTrigger(Trigger.newBuilder().setPrefix(List.of()).setKeywords(List.of()).build())
                .setSteps(List.of())
                .setSupport(Support.newBuilder().setOccurrences(occurrences).setSessions(occurrences).setAgents(1).build())
                .setCreatedAt(version == 1 ? Instant.parse("2026-06-01T00:00:00Z") : CREATED).setUpdatedAt(CREATED).build();
    }

    private static ExecutionReport report(ExecutionOutcome outcome, int version) {
        return ExecutionReport.newBuilder().setReportId("r").setProcedureId("p-1").setProcedureVersion(version)
                .setExecutorId("executor").setMode(ExecutionMode.INTENT).setOutcome(outcome)
                .setTimestamp(Instant.ofEpochMilli(NOW)).build();
    }
}
