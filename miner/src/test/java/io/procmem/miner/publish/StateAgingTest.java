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
    private final StateAging aging = new StateAging(1_000, 5);

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

    private static CandidateState state(long occurrences, long lastSeenMs, int version) {
        Tally tally = new Tally(occurrences, occurrences, Set.of(), 0, 0, 0, lastSeenMs, null);
        CandidateStats stats = new CandidateStats("a()", "a() > b()", List.of("a", "b"), tally,
                Sample.empty(), Map.of());
        return new CandidateState(stats, List.of(), new Emission(version, 0, 0, null));
    }
}
