package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Mining;
import io.procmem.miner.Sessions;
import io.procmem.miner.session.FinishedSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationReviewTest {
    private static final String SEQUENCE = "list(q) > get(id)";

    @Test
    void shouldNotCompileARoutineWhoseReplayDiffersFromHeldOutOccurrences() {
        // Binding consistency is relaxed so that validation alone decides: three sessions in five use element 0,
        // which the inference half picks, and the held-out half always has some that used element 1.
        Mining mining = new Mining(Map.of("miner.min.binding.consistency", "0.5"));

        assertThat(mining.feed(Routines.sessions(0, 10, i -> pick(i, i % 5 < 3 ? 0 : 1)))).isEmpty();

        ReviewResult review = mining.review(SEQUENCE, "validation");
        assertThat(mining.review(SEQUENCE, "binding-consistency").passed()).isTrue();
        assertThat(review.passed()).isFalse();
        assertThat(review.figures()).containsEntry("replayed", 5.0).containsEntry("mismatched", 2.0);
        assertThat(review.detail()).contains("session s8").contains("replay {\"id\":\"a8\"}, recorded {\"id\":\"b8\"}");
    }

    @Test
    void shouldAcceptSomeMismatchesOnlyWhenTheMatchRateAllowsThem() {
        Mining mining = new Mining(Map.of("miner.min.binding.consistency", "0.5", "miner.validation.min.match.rate", "0.8"));

        mining.feed(Routines.sessions(0, 10, i -> pick(i, i < 9 ? 0 : 1)));

        ReviewResult review = mining.review(SEQUENCE, "validation");
        assertThat(review.passed()).isTrue();
        assertThat(review.ample()).isFalse();
        assertThat(review.figures()).containsEntry("mismatched", 1.0);
    }

    @Test
    void shouldReplayRoutinesThatReadTheirOwnResults() {
        Mining mining = new Mining(Map.of());
        mining.feed(Routines.sessions(0, 6, i -> pick(i, 0)));

        ReviewResult review = mining.review(SEQUENCE, "validation");
        assertThat(review.passed()).isTrue();
        assertThat(review.figures()).containsEntry("replayed", 3.0).containsEntry("inferred_from", 3.0);
    }

    @Test
    void shouldFailWithTooFewHeldOutOccurrences() {
        Mining mining = new Mining(Map.of("miner.min.support", "2", "miner.min.sessions", "2",
                "miner.validation.min.samples", "2"));

        assertThat(mining.feed(Routines.sessions(0, 3, i -> pick(i, 0)))).isEmpty();
        assertThat(mining.review(SEQUENCE, "validation").detail()).contains("1 held-out occurrences (min 2)");
    }

    /** list returns two ids; get uses the one at {@code element}. */
    private static FinishedSession pick(int i, int element) {
        return Sessions.session("s" + i, "agent", SessionOutcome.SUCCESS, null,
                "list", "{\"q\":\"q" + i + "\"}", "{\"ids\":[\"a" + i + "\",\"b" + i + "\"]}",
                "get", "{\"id\":\"" + (element == 0 ? "a" : "b") + i + "\"}", "{}");
    }
}
