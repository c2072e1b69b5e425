package io.procmem.miner.review;

import io.procmem.avro.SideEffect;
import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.SequenceStats;
import java.util.List;

/**
 * Runs every review on a candidate: support, success-rate, determinism, binding-consistency, validation,
 * side-effects, in that order. Infers the routine first (from the inference half of the sample), picks the
 * thresholds (the write ones for a routine with a WRITE step under the strict policy) and hands both to the reviews.
 *
 * <p>Replaying the held-out occurrences is the costliest review, and its inputs rarely change once a candidate's
 * sample is full (a new occurrence replaces a slot with falling chance). So when the routine, the held-out
 * occurrences and the unsampled count are what they were at the candidate's previous review, that review's
 * validation result is reused: the replay is a pure function of them, so the verdict is the same either way.
 * When they did change, usually in one held-out slot, the validation review replays only what its {@link ReplayMemo}
 * does not hold: the occurrences it has not replayed with this routine before. The memo belongs to this reviewer
 * (no state is shared between reviewers) and is thread-safe, so stream threads may share the reviewer.
 */
public final class Reviewer {
    private final List<Check> checks;

    private final Thresholds normal;
    private final Thresholds write;
    private final WritePolicy policy;
    private final ToolEffects effects;

    public Reviewer(Thresholds normal, Thresholds write, WritePolicy policy, ToolEffects effects) {
        this(normal, write, policy, effects, new ReplayMemo());
    }

    Reviewer(Thresholds normal, Thresholds write, WritePolicy policy, ToolEffects effects, ReplayMemo replays) {
        this.checks = List.of(new SupportReview(), new SuccessRateReview(), new DeterminismReview(),
                new BindingConsistencyReview(), new ValidationReview(replays), new SideEffectsReview());
        this.normal = normal;
        this.write = write;
        this.policy = policy;
        this.effects = effects;
    }

    /**
     * @param earlier        the candidate's figures at its previous review, or null for its first
     * @param earlierReviews the results of that review, empty for its first
     */
    public Verdict review(CandidateStats candidate, SequenceStats sequence, SequenceStats firstStep,
                          CandidateStats earlier, List<ReviewResult> earlierReviews) {
        Routine routine = RoutineInference.infer(candidate, effects).orElse(null);
        return review(candidate, sequence, firstStep, routine, sameReplay(candidate, routine, earlier), earlierReviews);
    }

    /**
     * @param sameReplay     whether the candidate's sample is the one its previous review replayed (the caller
     *                       knows, e.g. from {@link io.procmem.miner.candidates.Sample#changes}); that review's
     *                       validation result then stands
     * @param earlierReviews the results of that review, empty for its first
     */
    public Verdict review(CandidateStats candidate, SequenceStats sequence, SequenceStats firstStep, boolean sameReplay,
                          List<ReviewResult> earlierReviews) {
        Routine routine = RoutineInference.infer(candidate, effects).orElse(null);
        return review(candidate, sequence, firstStep, routine, sameReplay && routine != null, earlierReviews);
    }

    private Verdict review(CandidateStats candidate, SequenceStats sequence, SequenceStats firstStep, Routine routine,
                           boolean sameReplay, List<ReviewResult> earlierReviews) {
        List<SideEffect> stepEffects = candidate.tools().stream().map(effects::of).toList();
        Thresholds thresholds = thresholdsFor(stepEffects.contains(SideEffect.WRITE));
        Evidence evidence = new Evidence(candidate, sequence, firstStep, routine, stepEffects, thresholds, policy,
                sameReplay ? earlierValidation(earlierReviews) : null);
        return new Verdict(checks.stream().map(check -> check.review(evidence)).toList(), routine);
    }

    /**
     * Whether the candidate's counts pass the support review (occurrences, sessions, agents) under the thresholds
     * that apply to it, and its figures {@code before} did not: the moment a review can first pass. Cheap (no
     * inference), as it runs for every counted candidate.
     *
     * @param before the same candidate's figures before the latest count ({@link CandidateStats#none()} for a new one)
     */
    public boolean supportReached(CandidateStats before, CandidateStats after) {
        if (after.tools().isEmpty()) {
            return false;
        }
        boolean writes = false;
        for (String tool : after.tools()) {
            writes |= effects.of(tool) == SideEffect.WRITE;
        }
        Thresholds thresholds = thresholdsFor(writes);
        // Counts only grow, and a candidate's steps never change: the earlier figures need checking only now.
        return SupportReview.passes(after.tally(), thresholds)
                && (before.tools().isEmpty() || !SupportReview.passes(before.tally(), thresholds));
    }

    /** The write thresholds for a routine with a WRITE step under the strict policy, else the normal ones. */
    private Thresholds thresholdsFor(boolean writes) {
        return writes && policy == WritePolicy.STRICT ? write : normal;
    }

    private boolean sameReplay(CandidateStats candidate, Routine routine, CandidateStats earlier) {
        return routine != null && earlier != null && earlier.sample().unsampled() == candidate.sample().unsampled()
                && earlier.sample().validation().equals(candidate.sample().validation())
                && routine.equals(RoutineInference.infer(earlier, effects).orElse(null));
    }

    private static ReviewResult earlierValidation(List<ReviewResult> reviews) {
        return reviews.stream().filter(review -> review.name().equals(ValidationReview.NAME)).findFirst().orElse(null);
    }
}
