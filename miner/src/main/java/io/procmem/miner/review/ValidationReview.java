package io.procmem.miner.review;

import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.Sample;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inferred routine reproduces occurrences it was not inferred from: every held-out occurrence of the sample
 * (see {@link Sample#validation()}) replays to exactly its recorded calls ({@link Replay}), and at least the minimum
 * number were replayed. By default one mismatch fails the review (match rate 1.0): a routine that is right nine
 * times in ten still calls a tool with a wrong argument the tenth.
 *
 * <p>{@link Evidence#replayed()} (same routine and held-out occurrences as the previous review) is returned as it
 * stands when it was judged under the same thresholds, which its figures record; otherwise the occurrences are
 * replayed through the memo, which replays only those it has not replayed with this routine before (when one slot
 * of the sample changed, that one).
 */
final class ValidationReview implements Check {
    static final String NAME = "validation";
    private static final String MIN_SAMPLES = "min_samples";
    private static final String MIN_MATCH_RATE = "min_match_rate";

    private final ReplayMemo replays;

    ValidationReview(ReplayMemo replays) {
        this.replays = replays;
    }

    @Override
    public ReviewResult review(Evidence evidence) {
        Sample sample = evidence.candidate().sample();
        Routine routine = evidence.routine();
        if (routine == null) {
            return new ReviewResult(NAME, false, false, "no sampled occurrence to replay ("
                    + sample.unsampled() + " too large to sample)", Map.of("unsampled", (double) sample.unsampled()));
        }
        int minimum = evidence.thresholds().minValidationSamples();
        double minRate = evidence.thresholds().minValidationMatchRate();
        if (judgedUnder(evidence.replayed(), minimum, minRate)) {
            return evidence.replayed();
        }
        List<Occurrence> heldOut = sample.validation();
        int mismatched = 0;
        String first = null;
        for (Occurrence occurrence : heldOut) {
            Optional<String> mismatch = replays.mismatch(routine, occurrence);
            if (mismatch.isPresent()) {
                mismatched++;
                first = first == null ? "session " + occurrence.sessionId() + " at step " + occurrence.firstIndex()
                        + ": " + mismatch.get() : first;
            }
        }
        double rate = heldOut.isEmpty() ? 0 : 1.0 - (double) mismatched / heldOut.size();
        boolean passed = heldOut.size() >= minimum && rate >= minRate;
        String detail = mismatched > 0
                ? String.format("%d of %d held-out occurrences differ (match rate %.2f, min %.2f); first: %s", mismatched,
                        heldOut.size(), rate, minRate, first)
                : String.format("%d held-out occurrences (min %d) replayed exactly; inferred from %d", heldOut.size(),
                        minimum, routine.inferredFrom());
        boolean ample = passed && mismatched == 0 && evidence.thresholds().ampleCount(heldOut.size(), minimum);
        return new ReviewResult(NAME, passed, ample, detail,
                Map.of("replayed", (double) heldOut.size(), "mismatched", (double) mismatched,
                        "inferred_from", (double) routine.inferredFrom(), "unsampled", (double) sample.unsampled(),
                        MIN_SAMPLES, (double) minimum, MIN_MATCH_RATE, minRate));
    }

    /** Whether an earlier result was judged under these thresholds, so it may stand for a replay of the same inputs. */
    private static boolean judgedUnder(ReviewResult earlier, int minimum, double minRate) {
        return earlier != null && Double.valueOf(minimum).equals(earlier.figures().get(MIN_SAMPLES))
                && Double.valueOf(minRate).equals(earlier.figures().get(MIN_MATCH_RATE));
    }
}
