package io.procmem.miner.review;

/**
 * What a candidate must reach to compile. Two sets exist: the normal one, and a stricter one for candidates with a
 * WRITE step under {@code miner.write.policy=strict}.
 *
 * <p>Margin: a review passes amply when its counts reach {@code marginFactor} times their minimum and its rates are at
 * least halfway from their minimum to 1 (a 0.8 minimum needs 0.9). A procedure whose reviews all pass amply starts
 * as SHADOW (the executor runs it alongside the agent and compares); otherwise as CANDIDATE (listed, not run).
 *
 * @param minValidationSamples   held-out occurrences the validation review must replay
 * @param minValidationMatchRate share of them that must replay exactly (1.0: every one)
 */
public record Thresholds(int minSupport, int minSessions, int minAgents, double minSuccessRate, double minDeterminism,
                         double minBindingConsistency, int minValidationSamples, double minValidationMatchRate,
                         double marginFactor) {

    /** Whether a count passes with margin. */
    public boolean ampleCount(double value, double minimum) {
        return value >= minimum * marginFactor;
    }

    /** Whether a rate passes with margin: at least halfway from its minimum to 1. */
    public static boolean ampleRate(double value, double minimum) {
        return value >= minimum + (1 - minimum) / 2;
    }
}
