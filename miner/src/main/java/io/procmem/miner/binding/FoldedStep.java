package io.procmem.miner.binding;

import io.procmem.miner.abstraction.AbstractStep;
import io.procmem.miner.abstraction.ObservedStep;
import java.util.List;

/**
 * One step of a run after loops are folded: a single call, or several calls to the same abstract step walking a
 * list ({@code loop} set). Only single calls can be the source of later values: what a loop's results hold is not
 * addressable in the binding contract.
 *
 * @param calls the calls it stands for, in order; exactly one when {@code loop} is null
 * @param loop  how the calls walk a list, or null for a single call
 * @param index where values occur in the result of a single call; null for a loop
 */
public record FoldedStep(AbstractStep step, List<ObservedStep> calls, Loop loop, ResultIndex index) {
    public FoldedStep {
        calls = List.copyOf(calls);
    }

    static FoldedStep single(ObservedStep call) {
        return new FoldedStep(call.step(), List.of(call), null, ResultIndex.of(call.result()));
    }

    /** The abstract step as it appears in a sequence: {@code foreach } before a loop's abstract step. */
    public String sequencePart() {
        return loop == null ? step.text() : "foreach " + step.text();
    }

    public ObservedStep firstCall() {
        return calls.get(0);
    }
}
