package io.procmem.miner.abstraction;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.miner.session.BufferedStep;
import io.procmem.miner.session.FinishedSession;
import io.procmem.schemas.shape.StepShapes;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a finished session into runs: maximal stretches of successful steps with consecutive indexes. A step with
 * status ERROR, or a gap in the indexes (a step the miner never saw), ends a run, so no routine spans a failure or a
 * hole; the failed step itself is in no run.
 */
public final class SessionRuns {

    private SessionRuns() {
    }

    /** The session's runs in order; empty runs are left out. */
    public static List<List<ObservedStep>> of(FinishedSession session) {
        List<List<ObservedStep>> runs = new ArrayList<>();
        List<ObservedStep> run = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        for (BufferedStep step : session.steps()) {
            if (!step.ok() || step.index() != previous + 1) {
                addIfNotEmpty(runs, run);
                run = new ArrayList<>();
            }
            if (step.ok()) {
                run.add(observe(session, step));
            }
            previous = step.index();
        }
        addIfNotEmpty(runs, run);
        return runs;
    }

    private static ObservedStep observe(FinishedSession session, BufferedStep step) {
        try {
            JsonNode arguments = StepShapes.parseArguments(step.argumentsJson());
            return new ObservedStep(step.index(), AbstractStep.of(step.tool(), arguments), arguments,
                    Values.parse(step.resultJson()), step.resultJson());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("session " + session.sessionId() + ", step " + step.index() + " ("
                    + step.tool() + "): " + e.getMessage(), e);
        }
    }

    private static void addIfNotEmpty(List<List<ObservedStep>> runs, List<ObservedStep> run) {
        if (!run.isEmpty()) {
            runs.add(run);
        }
    }
}
