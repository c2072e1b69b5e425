package io.procmem.executor.matching;

import java.util.List;

/**
 * A step of a procedure that is still to run after a match.
 *
 * @param index     the step's position in the procedure (0-based)
 * @param arguments names of the step's arguments, in the procedure's binding order
 */
public record RemainingStep(int index, String tool, String abstractStep, List<String> arguments) {
    public RemainingStep {
        arguments = List.copyOf(arguments);
    }
}
