package io.procmem.eval.metrics;

import io.procmem.eval.replay.EpisodeStep;

/**
 * Estimates the model tokens one avoided decision would have cost: the step's {@code decisionTokens} when the source
 * recorded them (step events carry {@code decision_tokens}); otherwise the prompt the model read to decide it, the
 * conversation so far ({@link EpisodeStep#promptChars()}) at {@code charsPerToken} characters per token, rounded up.
 * Completion tokens are not estimated, and the prompt size is a lower bound (see {@code Episodes}), so the estimate
 * errs low.
 */
public record TokenEstimator(int charsPerToken) {
    public TokenEstimator {
        if (charsPerToken < 1) {
            throw new IllegalArgumentException("charsPerToken must be at least 1, got " + charsPerToken);
        }
    }

    public long tokens(EpisodeStep step) {
        if (step.decisionTokens() != null) {
            return step.decisionTokens();
        }
        return (step.promptChars() + charsPerToken - 1) / charsPerToken;
    }
}
