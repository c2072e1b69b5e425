package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Mining;
import io.procmem.miner.Sessions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismReviewTest {

    @Test
    void shouldRejectARoutineThatRarelyFollowsItsFirstStep() {
        Mining mining = new Mining(Map.of());
        mining.feed(Routines.sessions(0, 16, i -> Sessions.session("x" + i, "agent", SessionOutcome.SUCCESS, null,
                "lookup", "{\"q\":\"q\"}", "{}", "elsewhere", "{}", "{}")));

        assertThat(mining.feed(Routines.sessions(0, 5, Routines::fromResult))).isEmpty();

        ReviewResult review = mining.review(Routines.SEQUENCE, "determinism");
        assertThat(review.passed()).isFalse();
        assertThat(review.figures()).containsEntry("followed", 5.0).containsEntry("first_step", 21.0);
        assertThat(review.detail()).contains("5 of 21");
    }

    @Test
    void shouldPassWithMarginWhenTheRestAlwaysFollows() {
        Mining mining = new Mining(Map.of());
        mining.feed(Routines.sessions(0, 5, Routines::fromResult));

        ReviewResult review = mining.review(Routines.SEQUENCE, "determinism");
        assertThat(review.passed()).isTrue();
        assertThat(review.ample()).isTrue();
        assertThat(review.figures()).containsEntry("determinism", 1.0);
    }
}
