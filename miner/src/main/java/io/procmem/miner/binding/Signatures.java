package io.procmem.miner.binding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The texts routines are keyed by. A sequence is the abstract steps with loop marks
 * ({@code get_user_details(user_id) > foreach get_reservation_details(reservation_id)}); a signature adds each step's
 * binding pattern (kind and source per argument, values excluded). The procedure id is derived from the signature,
 * so these texts must never change for the same routine.
 */
public final class Signatures {
    /** Separator of steps; part of the procedure id, so never change it. */
    public static final String SEPARATOR = " > ";

    private Signatures() {
    }

    public static String sequence(List<StepObservation> steps) {
        return steps.stream().map(StepObservation::sequencePart).collect(Collectors.joining(SEPARATOR));
    }

    public static String signature(List<StepObservation> steps) {
        return steps.stream().map(StepObservation::signaturePart).collect(Collectors.joining(SEPARATOR));
    }
}
