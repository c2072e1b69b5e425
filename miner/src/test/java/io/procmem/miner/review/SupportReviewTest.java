package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Mining;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupportReviewTest {

    @Test
    void shouldCompileRoutineWhenSupportReachesThreshold() {
        Mining mining = new Mining(Map.of());

        assertThat(mining.feed(Routines.sessions(0, 4, Routines::fromResult))).isEmpty();
        ReviewResult below = mining.review(Routines.SEQUENCE, "support");
        assertThat(below.passed()).isFalse();
        assertThat(below.detail()).contains("4 occurrences (min 5)");

        assertThat(mining.feed(Routines.sessions(4, 5, Routines::fromResult))).singleElement()
                .satisfies(procedure -> assertThat(procedure.getSupport().getOccurrences()).isEqualTo(5));
        assertThat(mining.review(Routines.SEQUENCE, "support").figures()).containsEntry("sessions", 5.0);
    }

    @Test
    void shouldRequireTheConfiguredNumberOfDistinctAgents() {
        Mining mining = new Mining(Map.of("miner.min.agents", "2"));

        assertThat(mining.feed(Routines.sessions(0, 6, i -> Routines.fromResult(i, SessionOutcome.SUCCESS, "solo")))).isEmpty();
        assertThat(mining.review(Routines.SEQUENCE, "support").detail()).contains("1 agents (min 2)");

        assertThat(mining.feed(Routines.sessions(6, 7, i -> Routines.fromResult(i, SessionOutcome.SUCCESS, "other")))).hasSize(1);
    }
}
