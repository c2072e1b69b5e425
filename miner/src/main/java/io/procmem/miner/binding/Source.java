package io.procmem.miner.binding;

/**
 * Where one occurrence's argument value was found. {@link #FREE} is a value found nowhere: whether it compiles to an
 * INPUT or a CONSTANT is decided across occurrences (a constant has the same value in every one), so one occurrence
 * cannot tell, and the signature (hence the procedure id) must not change when that decision does.
 */
public enum Source {
    /** In the result of an earlier step of the window: exact source {@code $.steps[i].result<path>}. */
    STEP_RESULT,
    /** A top-level structured request parameter: {@code $.request.params.<name>}. */
    REQUEST_PARAM,
    /** Found nowhere: exact source is the input name the value would be given as. */
    FREE,
    /** The current element of the step's loop: {@code $.item<path>}. */
    LOOP_ELEMENT
}
