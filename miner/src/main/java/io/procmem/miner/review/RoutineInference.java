package io.procmem.miner.review;

import io.procmem.avro.BindingKind;
import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.StepObservation;
import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.FreeValue;
import io.procmem.miner.candidates.Occurrence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Infers a candidate's routine from the inference half of its sample: per argument, the exact rule most
 * occurrences used (ties to the smallest rule text, so the choice is stable); per loop, the most used list path. A
 * FREE argument compiles to a CONSTANT when its input held the same value in every occurrence of the candidate,
 * else to an INPUT, described as "given in the request" when at least {@value #REQUEST_SHARE} of occurrences had the
 * value verbatim in the request text.
 */
public final class RoutineInference {
    static final double REQUEST_SHARE = 0.5;
    static final String GIVEN_IN_REQUEST = "given in the request";
    private static final Comparator<String> SMALLEST_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private RoutineInference() {
    }

    /** The routine, or empty when nothing is sampled to infer it from. */
    public static Optional<Routine> infer(CandidateStats stats, ToolEffects effects) {
        List<Occurrence> basis = stats.sample().inference();
        if (basis.isEmpty()) {
            return Optional.empty();
        }
        List<Routine.Step> steps = new ArrayList<>();
        Map<String, Routine.Input> inputs = new LinkedHashMap<>();
        List<StepObservation> template = basis.get(0).steps();
        for (int i = 0; i < template.size(); i++) {
            int at = i;
            String foreach = majority(basis, occurrence -> occurrence.steps().get(at).foreach());
            List<Routine.Binding> bindings = new ArrayList<>();
            for (int a = 0; a < template.get(i).arguments().size(); a++) {
                int arg = a;
                String rule = majority(basis, occurrence -> occurrence.steps().get(at).arguments().get(arg).rule());
                ArgumentObservation chosen = basis.stream().map(o -> o.steps().get(at).arguments().get(arg))
                        .filter(observed -> observed.rule().equals(rule)).findFirst().orElseThrow();
                bindings.add(binding(chosen, stats.freeValues().get(chosen.exact()), inputs));
            }
            StepObservation step = template.get(i);
            steps.add(new Routine.Step(step.tool(), step.abstractStep(), foreach, effects.of(step.tool()), bindings));
        }
        return Optional.of(new Routine(steps, List.copyOf(inputs.values()), basis.size()));
    }

    private static Routine.Binding binding(ArgumentObservation observed, FreeValue free, Map<String, Routine.Input> inputs) {
        return switch (observed.source()) {
            case STEP_RESULT -> new Routine.Binding(observed.name(), BindingKind.STEP_RESULT, observed.exact(), null, observed.rule());
            case REQUEST_PARAM -> new Routine.Binding(observed.name(), BindingKind.REQUEST_PARAM, observed.exact(), null, observed.rule());
            case LOOP_ELEMENT -> new Routine.Binding(observed.name(), BindingKind.LOOP_ELEMENT, observed.exact(), null, observed.rule());
            case FREE -> {
                if (free != null && free.constant()) {
                    yield new Routine.Binding(observed.name(), BindingKind.CONSTANT, null, free.valueJson(), observed.rule());
                }
                inputs.putIfAbsent(observed.exact(), new Routine.Input(observed.exact(),
                        free == null ? "string" : free.jsonType(),
                        free != null && free.requestShare() >= REQUEST_SHARE ? GIVEN_IN_REQUEST : null));
                yield new Routine.Binding(observed.name(), BindingKind.INPUT, observed.exact(), null, observed.rule());
            }
        };
    }

    /** The most frequent value (null counts as a value), ties to the smallest text. */
    private static String majority(List<Occurrence> basis, Function<Occurrence, String> value) {
        // Counted in a hash map: rules share long prefixes, which made a sorted map's comparisons the cost here.
        Map<String, Long> counts = new HashMap<>();
        basis.forEach(occurrence -> counts.merge(value.apply(occurrence), 1L, Long::sum));
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            long count = entry.getValue();
            if (count > bestCount || count == bestCount && SMALLEST_FIRST.compare(entry.getKey(), best) < 0) {
                best = entry.getKey();
                bestCount = count;
            }
        }
        return best;
    }
}
