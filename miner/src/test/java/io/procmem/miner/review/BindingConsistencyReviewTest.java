package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.miner.Mining;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingConsistencyReviewTest {

    @Test
    void shouldNotCompileARoutineWhoseArgumentIsSometimesFromAResultAndSometimesFromNowhere() {
        Mining mining = new Mining(Map.of());

        assertThat(mining.feed(Routines.sessions(0, 8, i -> i % 2 == 0 ? Routines.fromResult(i) : Routines.fromNowhere(i))))
                .isEmpty();

        assertThat(mining.store.candidates().values()).filteredOn(state -> Routines.SEQUENCE.equals(state.stats().sequence()))
                .hasSize(2).allSatisfy(state -> {
                    ReviewResult review = state.reviews().stream().filter(r -> r.name().equals("binding-consistency"))
                            .findFirst().orElseThrow();
                    assertThat(review.passed()).isFalse();
                    // Each half binds id its own way; neither way covers 80% of the sequence's occurrences.
                    assertThat(review.figures().get("step1.id")).isBetween(0.5, 0.6);
                    assertThat(review.detail()).contains("step1.id");
                });
    }

    @Test
    void shouldPassWhenEveryArgumentIsBoundByOneRule() {
        Mining mining = new Mining(Map.of());
        mining.feed(Routines.sessions(0, 6, Routines::fromResult));

        ReviewResult review = mining.review(Routines.SEQUENCE, "binding-consistency");
        assertThat(review.passed()).isTrue();
        assertThat(review.figures()).containsEntry("step0.q", 1.0).containsEntry("step1.id", 1.0).containsEntry("min", 1.0);
    }
}
