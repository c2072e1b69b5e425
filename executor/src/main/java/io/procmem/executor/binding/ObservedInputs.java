package io.procmem.executor.binding;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In continuation mode nobody hands the procedure its inputs: they are the values the agent already passed. For
 * each of the procedure's first steps that the agent ran, an argument bound as INPUT gives that input the value the
 * agent used; the first step to give an input wins.
 */
public final class ObservedInputs {

    private ObservedInputs() {
    }

    /**
     * @param observedArguments the arguments (JSON objects, or null) of the agent's calls standing for the procedure's
     *                          steps 0, 1, ... in order
     */
    public static Map<String, JsonNode> of(CompiledProcedure procedure, List<JsonNode> observedArguments) {
        Map<String, JsonNode> inputs = new HashMap<>();
        for (int i = 0; i < observedArguments.size() && i < procedure.getSteps().size(); i++) {
            ProcedureStep step = procedure.getSteps().get(i);
            JsonNode arguments = observedArguments.get(i);
            if (arguments == null || !arguments.isObject()) {
                continue;
            }
            for (ArgumentBinding binding : step.getArguments()) {
                JsonNode value = arguments.get(binding.getName());
                if (binding.getKind() == BindingKind.INPUT && value != null && !value.isNull()) {
                    inputs.putIfAbsent(binding.getSource() == null ? binding.getName() : binding.getSource(), value);
                }
            }
        }
        return inputs;
    }
}
