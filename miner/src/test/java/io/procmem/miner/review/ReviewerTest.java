package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.miner.Mining;
import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.publish.CandidateState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewerTest {
    private final MinerConfig config = new MinerConfig(Map.of());
    private final Reviewer reviewer = new Reviewer(config.thresholds(), config.writeThresholds(), config.writePolicy(),
            config.toolEffects());

    @Test
    void shouldReuseTheEarlierValidationWhenNothingItReplaysHasChanged() {
        Given given = given();
        ReviewResult earlier = validation("earlier", Map.of("min_samples", 2.0, "min_match_rate", 1.0));

        Verdict verdict = reviewer.review(given.stats, given.sequence, given.firstStep, given.stats, List.of(earlier));

        assertThat(validationOf(verdict)).isSameAs(earlier);
    }

    @Test
    void shouldReplayAgainWhenTheEarlierValidationWasJudgedUnderOtherThresholds() {
        Given given = given();
        ReviewResult earlier = validation("earlier", Map.of("min_samples", 7.0, "min_match_rate", 1.0));

        Verdict verdict = reviewer.review(given.stats, given.sequence, given.firstStep, given.stats, List.of(earlier));

        assertThat(validationOf(verdict).detail()).contains("replayed exactly");
        assertThat(validationOf(verdict).passed()).isTrue();
    }

    @Test
    void shouldReplayAgainWhenTheSampleDiffersFromTheEarlierOne() {
        Given given = given();
        Given fewer = given(5);
        ReviewResult earlier = validation("earlier", Map.of("min_samples", 2.0, "min_match_rate", 1.0));

        Verdict verdict = reviewer.review(given.stats, given.sequence, given.firstStep, fewer.stats, List.of(earlier));

        assertThat(validationOf(verdict).detail()).contains("replayed exactly");
    }

    @Test
    void shouldTellSupportReachedOnlyAtTheCountWhereTheSupportReviewFirstPasses() {
        List<Boolean> reached = new ArrayList<>();
        List<Boolean> supportPasses = new ArrayList<>();
        CandidateStats before = CandidateStats.none();
        for (int sessions = 1; sessions <= 12; sessions++) {
            Given given = given(sessions);
            reached.add(reviewer.supportReached(before, given.stats));
            supportPasses.add(reviewer.review(given.stats, given.sequence, given.firstStep, false, List.of()).reviews()
                    .stream().filter(review -> review.name().equals("support")).findFirst().orElseThrow().passed());
            before = given.stats;
        }

        int first = supportPasses.indexOf(true);
        assertThat(first).isPositive();
        assertThat(supportPasses.subList(first, supportPasses.size())).containsOnly(true);
        assertThat(reached.indexOf(true)).isEqualTo(first);
        assertThat(reached.lastIndexOf(true)).isEqualTo(first);
    }

    private record Given(CandidateStats stats, SequenceStats sequence, SequenceStats firstStep) {
    }

    private static Given given() {
        return given(8);
    }

    /** The figures of the one routine of {@code sessions} sessions whose second step reads the first's result. */
    private static Given given(int sessions) {
        Mining mining = new Mining(Map.of());
        mining.feed(Routines.sessions(0, sessions, Routines::fromResult));
        CandidateState state = mining.candidate(Routines.SEQUENCE);
        CandidateStats stats = state.stats();
        return new Given(stats, mining.store.sequence(stats.sequence()),
                mining.store.sequence(SequenceStats.firstStepKey(stats.firstStep())));
    }

    private static ReviewResult validation(String detail, Map<String, Double> figures) {
        return new ReviewResult(ValidationReview.NAME, false, false, detail, figures);
    }

    private static ReviewResult validationOf(Verdict verdict) {
        return verdict.reviews().stream().filter(r -> r.name().equals(ValidationReview.NAME)).findFirst().orElseThrow();
    }
}
