package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SideEffect;
import io.procmem.miner.Mining;
import io.procmem.miner.Sessions;
import io.procmem.miner.session.FinishedSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SideEffectsReviewTest {
    private static final String SEQUENCE = "get_trip(q) > cancel_trip(trip_id)";

    @Test
    void shouldNotCompileAWriteStepUnderTheDefaultPolicy() {
        Mining mining = new Mining(Map.of());

        assertThat(mining.feed(Routines.sessions(0, 30, SideEffectsReviewTest::cancel))).isEmpty();

        ReviewResult review = mining.review(SEQUENCE, "side-effects");
        assertThat(review.passed()).isFalse();
        assertThat(review.detail()).contains("cancel_trip").contains("exclude");
        assertThat(review.figures()).containsEntry("write_steps", 1.0);
    }

    @Test
    void shouldHoldAWriteRoutineToTheWriteThresholdsUnderTheStrictPolicy() {
        Mining mining = new Mining(Map.of("miner.write.policy", "strict"));

        assertThat(mining.feed(Routines.sessions(0, 19, SideEffectsReviewTest::cancel))).isEmpty();
        assertThat(mining.review(SEQUENCE, "support").detail()).contains("19 occurrences (min 20)");
        assertThat(mining.review(SEQUENCE, "side-effects").passed()).isTrue();

        List<CompiledProcedure> compiled = mining.feed(Routines.sessions(19, 20, SideEffectsReviewTest::cancel));
        assertThat(compiled).singleElement().satisfies(procedure -> assertThat(procedure.getSteps())
                .extracting(step -> step.getSideEffect()).containsExactly(SideEffect.READ, SideEffect.WRITE));
    }

    @Test
    void shouldTreatAListedReadToolAsReadWhateverItsName() {
        Mining mining = new Mining(Map.of("miner.tools.read", "cancel_trip"));

        assertThat(mining.feed(Routines.sessions(0, 5, SideEffectsReviewTest::cancel))).singleElement()
                .satisfies(procedure -> assertThat(procedure.getSteps().get(1).getSideEffect()).isEqualTo(SideEffect.READ));
    }

    @Test
    void shouldClassifyToolsByListThenPrefix() {
        ToolEffects effects = new ToolEffects(java.util.Set.of("archive"), java.util.Set.of("update_view"),
                ToolEffects.DEFAULT_WRITE_PREFIXES);

        assertThat(effects.of("archive")).isEqualTo(SideEffect.WRITE);
        assertThat(effects.of("update_view")).isEqualTo(SideEffect.READ);
        assertThat(effects.of("refund_order")).isEqualTo(SideEffect.WRITE);
        assertThat(effects.of("get_order")).isEqualTo(SideEffect.READ);
    }

    private static FinishedSession cancel(int i) {
        return Sessions.session("s" + i, "agent", SessionOutcome.SUCCESS, null, "get_trip", "{\"q\":\"q" + i + "\"}",
                "{\"trip\":{\"id\":\"t" + i + "\"}}", "cancel_trip", "{\"trip_id\":\"t" + i + "\"}", "{\"ok\":true}");
    }
}
