package io.procmem.miner.review;

import io.procmem.avro.BindingKind;
import io.procmem.avro.SideEffect;
import java.util.List;

/**
 * A candidate's routine as it would compile: its steps with one binding per argument, and its inputs. Inferred from
 * part of the sample ({@link RoutineInference}); replayed on the rest ({@link Replay}).
 *
 * @param steps        the steps in order
 * @param inputs       the INPUT arguments' inputs, in order of first use
 * @param inferredFrom occurrences the bindings were inferred from
 */
public record Routine(List<Step> steps, List<Input> inputs, int inferredFrom) {
    public Routine {
        steps = List.copyOf(steps);
        inputs = List.copyOf(inputs);
    }

    /**
     * @param foreach the loop's list path, or null for a single call
     */
    public record Step(String tool, String abstractStep, String foreach, SideEffect sideEffect, List<Binding> arguments) {
        public Step {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * @param source       input name, request parameter path, result path or item path; null for a constant
     * @param constantJson the constant's canonical JSON, else null
     * @param rule         the occurrence rule it was inferred from (see {@code ArgumentObservation.rule()}), which
     *                     binding consistency is measured by
     */
    public record Binding(String name, BindingKind kind, String source, String constantJson, String rule) {
    }

    /** @param description "given in the request" when users mostly type the value in their request, else null */
    public record Input(String name, String jsonType, String description) {
    }
}
