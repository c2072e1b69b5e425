package io.procmem.miner.review;

import io.procmem.miner.candidates.SequenceStats;

/**
 * How consistently a routine's rule bound an argument: the share of its sequence's occurrences (any candidate) in
 * which exactly that rule did. Judged by the binding-consistency review and published as
 * {@code ArgumentBinding.consistency}.
 */
public final class Consistency {

    private Consistency() {
    }

    public static double of(SequenceStats sequence, int step, Routine.Binding binding) {
        return sequence.share(SequenceStats.argumentKey(step, binding.name()), binding.rule());
    }

    /** The same for a loop's list path. */
    public static double ofLoop(SequenceStats sequence, int step, String foreach) {
        return sequence.share(SequenceStats.foreachKey(step), foreach);
    }
}
