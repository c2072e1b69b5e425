package io.procmem.miner.lifecycle;

import static io.procmem.miner.MinerDriver.ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ProcedureStatus;
import io.procmem.miner.MinerDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTopologyTest {
    @TempDir
    Path stateDir;
    private MinerDriver miner;

    @BeforeEach
    void startWithAShadowProcedure() {
        miner = new MinerDriver(stateDir, Map.of());
        // 5 occurrences compile a CANDIDATE (v1), 10 pass every review with margin: SHADOW (v2).
        miner.sendRoutines(10);
        assertThat(miner.procedures.readValuesToList()).extracting(CompiledProcedure::getVersion, CompiledProcedure::getStatus)
                .containsExactly(Tuple.tuple(1, ProcedureStatus.CANDIDATE),
                        Tuple.tuple(2, ProcedureStatus.SHADOW));
    }

    @AfterEach
    void close() {
        miner.close();
    }

    @Test
    void shouldPromoteOnShadowAgreementThenRetireOnEscalationsAndNeverResurrect() {
        miner.reports(ID, 2, ExecutionOutcome.SHADOW_AGREED, 19);
        assertThat(miner.procedures.isEmpty()).as("19 predictions are below the minimum of 20").isTrue();

        miner.report(ID, 2, ExecutionOutcome.SHADOW_AGREED);

        CompiledProcedure promoted = miner.procedures.readValue();
        assertThat(promoted.getVersion()).isEqualTo(3);
        assertThat(promoted.getStatus()).isEqualTo(ProcedureStatus.AUTONOMOUS);
        assertThat(promoted.getStatusReason()).isEqualTo("promoted: shadow agreement 1.00 (20 of 20 predictions) >= 0.95");
        assertThat(promoted.getSteps()).hasSize(2);

        miner.reports(ID, 3, ExecutionOutcome.ESCALATED, 10);

        CompiledProcedure retired = miner.procedures.readValue();
        assertThat(retired.getVersion()).isEqualTo(4);
        assertThat(retired.getStatus()).isEqualTo(ProcedureStatus.RETIRED);
        assertThat(retired.getStatusReason()).startsWith("retired: 10 failed runs in a row");

        miner.sendRoutines(10);

        assertThat(miner.procedures.isEmpty()).as("the compiler's re-emission at 20 occurrences is not published").isTrue();
        ProcedureLifecycle stored = store().get(ID);
        assertThat(stored.procedure().getStatus()).isEqualTo(ProcedureStatus.RETIRED);
        assertThat(stored.procedure().getVersion()).isEqualTo(4);
    }

    @Test
    void shouldRetireAShadowProcedureWhoseAgreementFallsBelowTheBar() {
        for (int i = 0; i < 10; i++) {
            miner.report(ID, 2, i < 4 ? ExecutionOutcome.SHADOW_AGREED : ExecutionOutcome.SHADOW_DISAGREED);
            miner.report(ID, 2, ExecutionOutcome.SHADOW_DISAGREED);
        }

        List<CompiledProcedure> published = miner.procedures.readValuesToList();
        assertThat(published).singleElement().satisfies(procedure -> {
            assertThat(procedure.getVersion()).isEqualTo(3);
            assertThat(procedure.getStatus()).isEqualTo(ProcedureStatus.RETIRED);
            assertThat(procedure.getStatusReason()).isEqualTo("retired: shadow agreement 0.20 (4 of 20 predictions) < 0.50");
        });
    }

    @Test
    void shouldKeepThePromotedStatusWhenTheCompilerReemits() {
        miner.reports(ID, 2, ExecutionOutcome.SHADOW_AGREED, 20);
        assertThat(miner.procedures.readValue().getStatus()).isEqualTo(ProcedureStatus.AUTONOMOUS);

        miner.sendRoutines(10);

        CompiledProcedure refreshed = miner.procedures.readValue();
        assertThat(refreshed.getVersion()).isEqualTo(4);
        assertThat(refreshed.getStatus()).isEqualTo(ProcedureStatus.AUTONOMOUS);
        assertThat(refreshed.getSupport().getOccurrences()).isEqualTo(20);
    }

    @Test
    void shouldNotCountReportsAboutAProcedureItNeverPublished() {
        miner.reports("p-unknown", 1, ExecutionOutcome.ESCALATED, 3);

        assertThat(miner.procedures.isEmpty()).isTrue();
        assertThat(store().get("p-unknown")).isNull();
        assertThat(store().get(ID).counters().escalated()).isZero();
    }

    private KeyValueStore<String, ProcedureLifecycle> store() {
        return miner.driver.getKeyValueStore(LifecycleTopology.STORE);
    }
}
