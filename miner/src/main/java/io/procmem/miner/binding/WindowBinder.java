package io.procmem.miner.binding;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.miner.abstraction.ObservedStep;
import io.procmem.miner.abstraction.Values;
import io.procmem.schemas.binding.ValuePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Binds every argument of a window (a stretch of a folded run), trying in order: a loop element; a value in the
 * result of an earlier single step of the window (most recent step first, then the shortest path); a top-level
 * request parameter; else FREE, named after the argument ({@code <arg>}, then {@code <arg>_2} ...), reusing the input
 * of an earlier FREE argument with the same value. Values are compared canonically ({@link Values}).
 *
 * <p>A window is not bindable when a loop in it walks a list of a step before the window: a procedure can only read
 * its own steps' results.
 */
public final class WindowBinder {

    private WindowBinder() {
    }

    /** The bound window {@code run[from..to]} (inclusive), or empty when a loop's list is outside it. */
    public static Optional<BoundWindow> bind(List<FoldedStep> run, int from, int to, Request request) {
        for (int position = from; position <= to; position++) {
            Loop loop = run.get(position).loop();
            if (loop != null && loop.sourcePosition() < from) {
                return Optional.empty();
            }
        }
        Map<String, String> inputsByValue = new HashMap<>();
        Set<String> inputNames = new HashSet<>();
        Map<Integer, String> sourceResults = new TreeMap<>();
        List<StepObservation> steps = new ArrayList<>();
        for (int position = from; position <= to; position++) {
            FoldedStep step = run.get(position);
            Loop loop = step.loop();
            String foreach = null;
            String foreachPattern = null;
            if (loop != null) {
                int source = loop.sourcePosition() - from;
                foreach = BindingSources.stepResult(source, loop.list().toString());
                foreachPattern = BindingSources.stepResult(source, loop.list().generalized());
                sourceResults.put(source, run.get(loop.sourcePosition()).firstCall().resultJson());
            }
            List<ArgumentObservation> arguments = new ArrayList<>();
            for (String name : step.step().argumentNames()) {
                if (loop != null && loop.elements().containsKey(name)) {
                    ValuePath inElement = loop.elements().get(name);
                    arguments.add(new ArgumentObservation(name, Source.LOOP_ELEMENT, BindingSources.item(inElement.toString()),
                            BindingSources.item(inElement.generalized()), null, false));
                    continue;
                }
                JsonNode value = step.firstCall().argument(name);
                ArgumentObservation bound = fromResults(run, from, position, name, value, request, sourceResults)
                        .or(() -> fromParams(name, value, request))
                        .orElseGet(() -> free(name, value, request, inputsByValue, inputNames));
                arguments.add(bound);
            }
            steps.add(new StepObservation(step.step().tool(), step.step().text(), foreach, foreachPattern, arguments,
                    step.calls().stream().map(call -> Values.canonical(call.arguments())).toList()));
        }
        return Optional.of(new BoundWindow(steps, sourceResults));
    }

    private static Optional<ArgumentObservation> fromResults(List<FoldedStep> run, int from, int position, String name,
                                                             JsonNode value, Request request, Map<Integer, String> sourceResults) {
        if (!Values.searchable(value)) {
            return Optional.empty();
        }
        String canonical = Values.canonical(value);
        for (int earlier = position - 1; earlier >= from; earlier--) {
            ResultIndex index = run.get(earlier).index();
            List<ValuePath> paths = index == null ? List.of() : index.paths(canonical);
            if (!paths.isEmpty()) {
                ObservedStep source = run.get(earlier).firstCall();
                sourceResults.put(earlier - from, source.resultJson());
                String exact = BindingSources.stepResult(earlier - from, paths.get(0).toString());
                String pattern = BindingSources.stepResult(earlier - from, paths.get(0).generalized());
                return Optional.of(new ArgumentObservation(name, Source.STEP_RESULT, exact, pattern, canonical,
                        request.mentions(value)));
            }
        }
        return Optional.empty();
    }

    private static Optional<ArgumentObservation> fromParams(String name, JsonNode value, Request request) {
        if (request.params() == null || !Values.searchable(value)) {
            return Optional.empty();
        }
        String canonical = Values.canonical(value);
        TreeMap<String, JsonNode> params = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = request.params().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> param = it.next();
            params.put(param.getKey(), param.getValue());
        }
        return params.entrySet().stream()
                .filter(param -> ValuePath.expressible(param.getKey()) && Values.canonical(param.getValue()).equals(canonical))
                .findFirst()
                .map(param -> new ArgumentObservation(name, Source.REQUEST_PARAM, BindingSources.param(param.getKey()),
                        BindingSources.param(param.getKey()), canonical, request.mentions(value)));
    }

    private static ArgumentObservation free(String name, JsonNode value, Request request,
                                            Map<String, String> inputsByValue, Set<String> inputNames) {
        String canonical = Values.canonical(value);
        String input = Values.searchable(value) ? inputsByValue.get(canonical) : null;
        if (input == null) {
            input = name;
            for (int n = 2; inputNames.contains(input); n++) {
                input = name + "_" + n;
            }
            inputNames.add(input);
            if (Values.searchable(value)) {
                inputsByValue.put(canonical, input);
            }
        }
        return new ArgumentObservation(name, Source.FREE, input, input, canonical, request.mentions(value));
    }
}
