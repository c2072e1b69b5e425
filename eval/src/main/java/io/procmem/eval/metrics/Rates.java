package io.procmem.eval.metrics;

/** The two headline rates, defined once. */
public final class Rates {

    private Rates() {
    }

    /** Correct served calls over every tool call the agents made; 0 when there were none. */
    public static double coverage(long correctCalls, long decisions) {
        return decisions == 0 ? 0.0 : (double) correctCalls / decisions;
    }

    /** Correct served calls over every served call; 1 when nothing was served (no served call was wrong). */
    public static double precision(long correctCalls, long servedCalls) {
        return servedCalls == 0 ? 1.0 : (double) correctCalls / servedCalls;
    }
}
