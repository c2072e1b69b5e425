package io.procmem.miner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Mining;
import io.procmem.miner.Sessions;
import io.procmem.miner.session.FinishedSession;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProcedureCompilerTest {
    private static final String SIGNATURE = "lookup(q){q=FREE:q} > use(id){id=STEP_RESULT:$.steps[0].result.id}";

    @Test
    void shouldPublishOnceThenAgainOnlyWhenOccurrencesHaveGrownByTheFactor() {
        Mining mining = new Mining(Map.of("miner.shadow.margin.factor", "100"));

        assertThat(mining.feed(sessions(0, 5))).extracting(CompiledProcedure::getVersion).containsExactly(1);
        assertThat(mining.feed(sessions(5, 9))).isEmpty();
        List<CompiledProcedure> second = mining.feed(sessions(9, 10));

        assertThat(second).singleElement().satisfies(procedure -> {
            assertThat(procedure.getVersion()).isEqualTo(2);
            assertThat(procedure.getStatus()).isEqualTo(ProcedureStatus.CANDIDATE);
            assertThat(procedure.getSupport().getOccurrences()).isEqualTo(10);
            assertThat(procedure.getCreatedAt().toEpochMilli()).isEqualTo(5);
            assertThat(procedure.getUpdatedAt().toEpochMilli()).isEqualTo(10);
        });
        assertThat(mining.store.candidates().get(SIGNATURE).emission()).isEqualTo(new Emission(2, 10, 5, ProcedureStatus.CANDIDATE));
    }

    @Test
    void shouldPublishAsShadowOnceEveryReviewPassesWithMargin() {
        Mining mining = new Mining(Map.of());

        assertThat(mining.feed(sessions(0, 5))).extracting(CompiledProcedure::getStatus).containsExactly(ProcedureStatus.CANDIDATE);
        List<CompiledProcedure> promoted = mining.feed(sessions(5, 10));

        assertThat(promoted).singleElement().satisfies(procedure -> {
            assertThat(procedure.getStatus()).isEqualTo(ProcedureStatus.SHADOW);
            assertThat(procedure.getStatusReason()).isEqualTo("every review passed with margin");
        });
    }

    @Test
    void shouldKeepTheLatestReviewsOfARejectedCandidateInItsState() {
        Mining mining = new Mining(Map.of());

        assertThat(mining.feed(sessions(0, 2))).isEmpty();

        CandidateState state = mining.store.candidates().get(SIGNATURE);
        assertThat(state.passing()).isFalse();
        assertThat(state.emission().version()).isZero();
        assertThat(state.reviews()).filteredOn(review -> !review.passed()).extracting(review -> review.name())
                .containsExactly("support", "validation");
    }

    private static List<FinishedSession> sessions(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Sessions.session("s" + i, "agent", SessionOutcome.SUCCESS, null,
                "lookup", "{\"q\":\"q" + i + "\"}", "{\"id\":\"u" + i + "\"}", "use", "{\"id\":\"u" + i + "\"}", "{}")).toList();
    }
}
