package io.procmem.miner.binding;

import java.util.List;
import java.util.function.BiConsumer;

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
        return join(steps, 32, StepObservation::appendSequencePart);
    }

    public static String signature(List<StepObservation> steps) {
        return join(steps, 96, StepObservation::appendSignaturePart);
    }

    private static String join(List<StepObservation> steps, int charsPerStep,
                               BiConsumer<StepObservation, StringBuilder> part) {
        StringBuilder text = new StringBuilder(charsPerStep * steps.size());
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            part.accept(steps.get(i), text);
        }
        return text.toString();
    }
}
