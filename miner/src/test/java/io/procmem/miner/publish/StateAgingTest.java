package io.procmem.miner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Sample;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.candidates.Tally;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateAgingTest {
    private final StateAging aging = new StateAging(1_000, 5, 0);

    @Test
    void shouldForgetRareUnpublishedFiguresOnlyOnceTheyAreOlderThanTheTtl() {
        CandidateState rare = state(4, 100, 0);

        assertThat(aging.expired(rare, 1_099)).isFalse();
        assertThat(aging.expired(rare, 1_100)).isTrue();
        assertThat(aging.expired(new SequenceStats(4, 100, Map.of()), 1_100)).isTrue();
    }

    @Test
    void shouldKeepFiguresThatReachedSupportOrWerePublished() {
        assertThat(aging.expired(state(5, 100, 0), 1_000_000)).isFalse();
        assertThat(aging.expired(state(2, 100, 1), 1_000_000)).isFalse();
        assertThat(aging.expired(new SequenceStats(5, 100, Map.of()), 1_000_000)).isFalse();
    }

    @Test
    void shouldForgetAnUnpublishedCandidateBelowSupportInAtMostTheMinShareOfItsFirstStepSinceItAppeared() {
        StateAging lossy = new StateAging(1_000_000, 5, 0.01);
        CandidateState seenTwice = state(2, 100, 0, 300);

        assertThat(lossy.rare(seenTwice, new SequenceStats(499, 100, Map.of()))).as("2 in 199").isFalse();
        assertThat(lossy.rare(seenTwice, new SequenceStats(500, 100, Map.of()))).as("2 in 200").isTrue();
        assertThat(lossy.rare(state(5, 100, 0, 0), new SequenceStats(100_000, 100, Map.of()))).as("supported").isFalse();
        assertThat(lossy.rare(state(2, 100, 1, 0), new SequenceStats(100_000, 100, Map.of()))).as("published").isFalse();
        assertThat(lossy.rare(seenTwice, null)).as("no first-step figures").isFalse();
        assertThat(aging.rare(seenTwice, new SequenceStats(100_000, 100, Map.of()))).as("min share 0").isFalse();
    }

    private static CandidateState state(long occurrences, long lastSeenMs, int version) {
        return state(occurrences, lastSeenMs, version, 0);
    }

    private static CandidateState state(long occurrences, long lastSeenMs, int version, long firstStepsBefore) {
        Tally tally = new Tally(occurrences, occurrences, Set.of(), 0, 0, 0, lastSeenMs, null, firstStepsBefore);
        CandidateStats stats = new CandidateStats("a()", "a() > b()", List.of("a", "b"), tally,
                Sample.empty(), Map.of());
        return new CandidateState(stats, List.of(), new Emission(version, 0, 0, null));
    }
}
