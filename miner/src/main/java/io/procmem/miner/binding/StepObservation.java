package io.procmem.miner.binding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of an occurrence with its bindings and its recorded calls. Crosses the repartition topic and is kept in
 * samples as JSON, so its components are its stored form.
 *
 * @param abstractStep   the abstract step, as StepShapes writes it
 * @param foreach        the loop's list, {@code $.steps[i].result<path>}, or null for a single call
 * @param foreachPattern {@code foreach} with element indexes written {@code [*]}, or null
 * @param arguments      bindings in argument-name order
 * @param calls          the canonical JSON of each recorded call's arguments, in order (one for a single call)
 */
public record StepObservation(String tool, String abstractStep, String foreach, String foreachPattern,
                              List<ArgumentObservation> arguments, List<String> calls) {
    public StepObservation {
        arguments = List.copyOf(arguments);
        calls = List.copyOf(calls);
    }

    /** The step as it appears in a sequence: {@code foreach } before a loop's abstract step. */
    public String sequencePart() {
        return foreach == null ? abstractStep : "foreach " + abstractStep;
    }

    /** The step with its binding pattern, e.g. {@code get_user(user_id){user_id=FREE:user_id}}. */
    public String signaturePart() {
        String loop = foreach == null ? "" : "foreach=" + foreachPattern + (arguments.isEmpty() ? "" : "; ");
        String bindings = arguments.stream().map(a -> a.name() + "=" + a.patternRule()).collect(Collectors.joining("; "));
        return loop.isEmpty() && bindings.isEmpty() ? sequencePart() : sequencePart() + "{" + loop + bindings + "}";
    }

    /** Appends {@link #sequencePart}. */
    void appendSequencePart(StringBuilder text) {
        if (foreach != null) {
            text.append("foreach ");
        }
        text.append(abstractStep);
    }

    /**
     * Appends {@link #signaturePart}, for {@link Signatures} to join without building each part: the sequence part,
     * then the loop's pattern and each binding's, in braces.
     */
    void appendSignaturePart(StringBuilder text) {
        appendSequencePart(text);
        if (foreach == null && arguments.isEmpty()) {
            return;
        }
        text.append('{');
        if (foreach != null) {
            text.append("foreach=").append(foreachPattern);
            if (!arguments.isEmpty()) {
                text.append("; ");
            }
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            ArgumentObservation argument = arguments.get(i);
            text.append(argument.name()).append('=').append(argument.source()).append(':').append(argument.pattern());
        }
        text.append('}');
    }
}
