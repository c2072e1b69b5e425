package io.procmem.miner.binding;

import java.util.List;
import java.util.Map;

/**
 * One window of a run with every argument bound.
 *
 * @param steps         the window's steps with their bindings and calls
 * @param sourceResults result JSON (as the agent sent it) of each window step a binding or loop reads, by window
 *                      position: what a replay of this occurrence needs
 */
public record BoundWindow(List<StepObservation> steps, Map<Integer, String> sourceResults) {
    public BoundWindow {
        steps = List.copyOf(steps);
        sourceResults = Map.copyOf(sourceResults);
    }
}
