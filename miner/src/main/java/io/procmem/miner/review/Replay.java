package io.procmem.miner.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.miner.abstraction.Values;
import io.procmem.miner.binding.BindingSources;
import io.procmem.miner.binding.StepObservation;
import io.procmem.miner.candidates.Occurrence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a routine on one recorded occurrence, the way an executor would run it: each INPUT takes the value the
 * occurrence's caller gave it (its first use in the recorded calls), every other binding is resolved against the
 * occurrence's own results and request, each loop runs over its whole list. The replay must reproduce the recorded
 * calls exactly: same number, same arguments (compared canonically), same order.
 *
 * <p>Tool results are not re-fetched: a step's result is the one recorded, so a replay checks the bindings, not
 * that the tools answer the same today.
 */
public final class Replay {

    private Replay() {
    }

    /** Why the replay differs from the recording, or empty when it reproduces every call. */
    public static Optional<String> mismatch(Routine routine, Occurrence occurrence) {
        Map<String, JsonNode> inputs = new HashMap<>();
        // Each result is parsed once per replay, not once per binding and loop element that reads it.
        Map<Integer, JsonNode> results = new HashMap<>();
        for (int i = 0; i < routine.steps().size(); i++) {
            Routine.Step step = routine.steps().get(i);
            StepObservation recorded = occurrence.steps().get(i);
            List<JsonNode> items = new ArrayList<>();
            if (step.foreach() == null) {
                items.add(null);
            } else {
                JsonNode list = stepResult(occurrence, step.foreach(), results);
                if (list == null || !list.isArray()) {
                    return Optional.of("step " + i + ": foreach " + step.foreach() + " is not a list in this occurrence");
                }
                list.forEach(items::add);
            }
            if (items.size() != recorded.calls().size()) {
                return Optional.of("step " + i + " (" + step.tool() + "): replay makes " + items.size()
                        + " calls, the recording has " + recorded.calls().size());
            }
            for (int call = 0; call < items.size(); call++) {
                JsonNode recordedArguments = Values.parse(recorded.calls().get(call));
                ObjectNode replayed = Values.JSON.createObjectNode();
                for (Routine.Binding binding : step.arguments()) {
                    JsonNode value = resolve(binding, occurrence, items.get(call), recordedArguments, inputs, results);
                    if (value == null) {
                        return Optional.of("step " + i + " (" + step.tool() + ") argument " + binding.name() + ": "
                                + binding.kind() + " " + binding.source() + " has no value in this occurrence");
                    }
                    replayed.set(binding.name(), value);
                }
                String made = Values.canonical(replayed);
                if (!made.equals(Values.canonical(recordedArguments))) {
                    return Optional.of("step " + i + " (" + step.tool() + ") call " + call + ": replay " + made
                            + ", recorded " + Values.canonical(recordedArguments));
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode resolve(Routine.Binding binding, Occurrence occurrence, JsonNode item,
                                    JsonNode recordedArguments, Map<String, JsonNode> inputs,
                                    Map<Integer, JsonNode> results) {
        return switch (binding.kind()) {
            case INPUT -> inputs.computeIfAbsent(binding.source(), name -> recordedArguments.get(binding.name()));
            case CONSTANT -> Values.parse(binding.constantJson());
            case STEP_RESULT -> stepResult(occurrence, binding.source(), results);
            case REQUEST_PARAM -> {
                JsonNode params = Values.parse(occurrence.requestParamsJson());
                yield params == null ? null : params.get(BindingSources.parseParam(binding.source()));
            }
            case LOOP_ELEMENT -> item == null ? null : BindingSources.parseItem(binding.source()).read(item);
        };
    }

    private static JsonNode stepResult(Occurrence occurrence, String source, Map<Integer, JsonNode> results) {
        BindingSources.StepResult path = BindingSources.parseStepResult(source);
        JsonNode result = results.computeIfAbsent(path.step(), step -> Values.parse(occurrence.results().get(step)));
        return result == null ? null : path.path().read(result);
    }
}
