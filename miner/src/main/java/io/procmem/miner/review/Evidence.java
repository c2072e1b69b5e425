package io.procmem.miner.review;

import io.procmem.avro.SideEffect;
import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.SequenceStats;
import java.util.List;

/**
 * Everything the reviews judge one candidate on.
 *
 * @param sequence    figures of the candidate's sequence, whatever the bindings
 * @param firstStep   figures of its first step
 * @param routine     the inferred routine, or null when nothing was sampled
 * @param effects     side effect of each step, in order
 * @param thresholds  the thresholds that apply (stricter for a write candidate under the strict policy)
 * @param replayed    the validation result of the previous review when its replay would be repeated exactly (same
 *                    routine, held-out occurrences and unsampled count), else null
 */
public record Evidence(CandidateStats candidate, SequenceStats sequence, SequenceStats firstStep, Routine routine,
                       List<SideEffect> effects, Thresholds thresholds, WritePolicy policy,
                       ReviewResult replayed) {
    public Evidence {
        effects = List.copyOf(effects);
    }
}
