package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Mining;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuccessRateReviewTest {

    @Test
    void shouldRejectARoutineMostlySeenInFailingSessions() {
        Mining mining = new Mining(Map.of());

        assertThat(mining.feed(Routines.sessions(0, 8, i -> Routines.fromResult(i,
                i < 5 ? SessionOutcome.FAILURE : i < 6 ? SessionOutcome.UNKNOWN : SessionOutcome.SUCCESS, "agent")))).isEmpty();

        ReviewResult review = mining.review(Routines.SEQUENCE, "success-rate");
        assertThat(review.passed()).isFalse();
        assertThat(review.figures()).containsEntry("rate", 0.25).containsEntry("successful", 2.0).containsEntry("failed", 5.0);
        assertThat(review.detail()).contains("2 of 8 sessions succeeded");
    }

    @Test
    void shouldCompileWhenEnoughOfItsSessionsSucceed() {
        Mining mining = new Mining(Map.of());

        assertThat(mining.feed(Routines.sessions(0, 6, i -> Routines.fromResult(i,
                i % 2 == 0 ? SessionOutcome.SUCCESS : SessionOutcome.FAILURE, "agent")))).isNotEmpty();
        assertThat(mining.review(Routines.SEQUENCE, "success-rate").figures()).containsEntry("rate", 0.5);
    }
}
