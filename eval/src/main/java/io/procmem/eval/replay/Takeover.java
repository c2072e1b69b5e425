package io.procmem.eval.replay;

import java.util.List;

/**
 * What came of asking the executor, once the agent's steps {@code 0..at-1} are known, whether it would take over.
 *
 * @param at          the first step the executor would decide
 * @param procedureId the procedure it ran, or null when none matched
 * @param calls       how each call it made compared with the agent's steps, in order
 * @param escalation  why the run stopped early (the executor's check message), or null
 */
public record Takeover(int at, Verdict verdict, String procedureId, String procedureName, List<ReplayedCall> calls,
                       String escalation) {

    /** How the takeover counts. */
    public enum Verdict {
        /** No servable procedure continues the steps. */
        NO_MATCH,
        /** The run stopped before its first call, or had nothing to call: nothing changed for the agent. */
        NEUTRAL,
        /** Every call matched the agent's and the procedure ran to its end. */
        SERVED,
        /** One or more calls matched the agent's, then a check stopped the run and the agent resumed. */
        ESCALATED,
        /** A call differed from the agent's next action: the first mismatch, after any matching calls. */
        FALSE
    }

    public Takeover {
        calls = List.copyOf(calls);
    }

    public static Takeover noMatch(int at) {
        return new Takeover(at, Verdict.NO_MATCH, null, null, List.of(), null);
    }

    /** Calls that matched the agent's: decisions the model would not have had to make. */
    public int correctCalls() {
        return (int) calls.stream().filter(ReplayedCall::matched).count();
    }

    /** Calls the executor made, the mismatched one included. */
    public int servedCalls() {
        return calls.size();
    }

    /** The reason a false takeover counts under, else null. */
    public String falseReason() {
        return verdict == Verdict.FALSE ? calls.get(calls.size() - 1).kind().reason() : null;
    }

    /**
     * The next step at which the replay asks the executor: right after a run that completed (the agent would ask
     * again), else after the step the agent decided itself (the one the run stopped at, or {@code at} when nothing ran).
     */
    public int nextAsk() {
        int correct = correctCalls();
        return verdict == Verdict.SERVED && correct > 0 ? at + correct : at + correct + 1;
    }
}
