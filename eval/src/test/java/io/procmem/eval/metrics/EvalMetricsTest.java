package io.procmem.eval.metrics;

import static io.procmem.eval.replay.Steps.episode;
import static io.procmem.eval.replay.Steps.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.eval.replay.Episode;
import io.procmem.eval.replay.ReplayedCall;
import io.procmem.eval.replay.ReplayedCall.Kind;
import io.procmem.eval.replay.Takeover;
import io.procmem.eval.replay.Takeover.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalMetricsTest {
    private final Episode episode = episode(ok(0, "a", "{}", "{}", 1), ok(1, "b", "{}", "{}", 1),
            ok(2, "c", "{}", "{}", 1), ok(3, "d", "{}", "{}", 2));

    @Test
    void shouldCountCorrectCallsAsAvoidedDecisionsWithTheirPromptTokens() {
        EvalMetrics metrics = new EvalMetrics(new TokenEstimator(4));
        metrics.takeover(episode, new Takeover(1, Verdict.SERVED, "p-1", "a > b > c", List.of(
                new ReplayedCall(1, Kind.MATCH, "b", null), new ReplayedCall(2, Kind.MATCH, "c", null)), null));
        metrics.episodeTested(episode);

        Figures figures = metrics.figures(Map.of());

        assertThat(figures.decisions()).isEqualTo(4);
        assertThat(figures.decisionsAvoided()).isEqualTo(2);
        assertThat(figures.tokensAvoided()).isEqualTo(80 / 4 + 120 / 4);
        assertThat(figures.coverage()).isEqualTo(0.5);
        assertThat(figures.precision()).isEqualTo(1.0);
    }

    @Test
    void shouldCountAFalseTakeoverByReasonWithItsWrongCallAsServed() {
        EvalMetrics metrics = new EvalMetrics(new TokenEstimator(4));
        metrics.takeover(episode, new Takeover(2, Verdict.FALSE, "p-1", "b > c > x", List.of(
                new ReplayedCall(2, Kind.MATCH, "c", null),
                new ReplayedCall(3, Kind.REPLIED_TO_USER, "x", "replied")), "tool error"));
        metrics.takeover(episode, new Takeover(1, Verdict.NEUTRAL, "p-2", "a > b", List.of(), "unresolved"));
        metrics.takeover(episode, Takeover.noMatch(3));
        metrics.episodeTested(episode);

        Figures figures = metrics.figures(Map.of());

        assertThat(figures.falseTakeovers()).isEqualTo(1);
        assertThat(figures.falseByReason()).containsExactly(Map.entry("agent stopped here: replied to the user", 1L));
        assertThat(figures.precision()).isEqualTo(0.5);
        assertThat(figures.neutral()).isEqualTo(1);
        assertThat(figures.questions()).isEqualTo(3);
        assertThat(figures.falseExamples()).singleElement().satisfies(e -> assertThat(e.step()).isEqualTo(3));
        assertThat(figures.history()).singleElement().satisfies(p -> assertThat(p.coverage()).isEqualTo(0.25));
    }

    @Test
    void shouldPreferRecordedDecisionTokensOverTheCharacterEstimate() {
        var step = ok(0, "a", "{}", "{}", 1);
        var recorded = new io.procmem.eval.replay.EpisodeStep(0, "a", "{}", step.arguments(), "{}", step.result(), true,
                null, 1, 400, 1234);

        assertThat(new TokenEstimator(4).tokens(recorded)).isEqualTo(1234);
        assertThat(new TokenEstimator(4).tokens(step)).isEqualTo(10);
    }
}
