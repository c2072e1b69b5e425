package io.procmem.executor.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.ProcedureStep;
import io.procmem.schemas.binding.ValuePath;
import java.util.function.Supplier;

/**
 * Resolves a step's arguments from its {@link ArgumentBinding}s against a {@link RunContext}, following the binding
 * contract (docs/architecture.md, "Binding paths"): INPUT from the inputs, REQUEST_PARAM from the request's
 * parameters, STEP_RESULT from an earlier step's result, CONSTANT from {@code constant_json}, LOOP_ELEMENT from the
 * current element of a foreach step.
 *
 * <p>A value that is missing or JSON null does not resolve: a routine that expected a value and finds none is no
 * longer the routine the miner saw, so the run must stop rather than call a tool with a hole in its arguments. A
 * CONSTANT may be null, since the miner saw null every time. Stateless and thread-safe.
 */
public final class BindingResolver {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The step's arguments as a JSON object.
     *
     * @param element the current element of a foreach step, or null for a single call
     * @throws UnresolvedBinding naming the first argument that does not resolve
     */
    public ObjectNode arguments(ProcedureStep step, RunContext context, JsonNode element) throws UnresolvedBinding {
        ObjectNode arguments = JSON.createObjectNode();
        for (ArgumentBinding binding : step.getArguments()) {
            arguments.set(binding.getName(), value(step, binding, context, element));
        }
        return arguments;
    }

    /**
     * The list a foreach step walks: the value at its {@code foreach} path, which must be a JSON array.
     *
     * @throws UnresolvedBinding when the path is malformed, reads a step not yet run, or holds no list
     */
    public JsonNode foreachList(ProcedureStep step, RunContext context) throws UnresolvedBinding {
        String foreach = step.getForeach();
        JsonNode list = stepResult(step, null, foreach, context);
        if (!list.isArray()) {
            throw new UnresolvedBinding(null, foreach, "foreach of step " + step.getIndex() + " reads " + foreach
                    + ", which holds " + list.getNodeType() + ", not a list");
        }
        return list;
    }

    private JsonNode value(ProcedureStep step, ArgumentBinding binding, RunContext context, JsonNode element)
            throws UnresolvedBinding {
        String name = binding.getName();
        String source = binding.getSource();
        return switch (binding.getKind()) {
            case INPUT -> input(name, source == null ? name : source, context);
            case REQUEST_PARAM -> requestParam(name, source, context);
            case STEP_RESULT -> stepResult(step, name, source, context);
            case CONSTANT -> constant(name, binding.getConstantJson());
            case LOOP_ELEMENT -> loopElement(step, name, source, element);
        };
    }

    private static JsonNode input(String name, String input, RunContext context) throws UnresolvedBinding {
        JsonNode value = context.input(input);
        if (value == null || value.isNull()) {
            throw new UnresolvedBinding(name, input, "argument " + name + " needs input '" + input
                    + "', which was neither given nor supplied by an earlier step");
        }
        return value;
    }

    private static JsonNode requestParam(String name, String source, RunContext context) throws UnresolvedBinding {
        String param = parsed(name, source, () -> SourcePaths.param(source));
        JsonNode value = context.requestParams() == null ? null : ValuePath.ROOT.readPresent(context.requestParams().get(param));
        if (value == null) {
            throw new UnresolvedBinding(name, source, "argument " + name + " reads request parameter '" + param
                    + "', which the request does not have");
        }
        return value;
    }

    private static JsonNode stepResult(ProcedureStep step, String name, String source, RunContext context)
            throws UnresolvedBinding {
        SourcePaths.StepResult path = parsed(name, source, () -> SourcePaths.stepResult(source));
        String what = name == null ? "foreach of step " + step.getIndex() : "argument " + name;
        if (path.step() >= step.getIndex()) {
            throw new UnresolvedBinding(name, source, what + " reads step " + path.step()
                    + ", which does not run before step " + step.getIndex());
        }
        JsonNode result = context.result(path.step());
        if (result == null) {
            throw new UnresolvedBinding(name, source, what + " reads " + source + ", but step " + path.step()
                    + " has no recorded result");
        }
        JsonNode value = path.path().readPresent(result);
        if (value == null) {
            throw new UnresolvedBinding(name, source, what + " reads " + source + ", which the result of step "
                    + path.step() + " does not have");
        }
        return value;
    }

    private static JsonNode constant(String name, String constantJson) throws UnresolvedBinding {
        if (constantJson == null) {
            throw new UnresolvedBinding(name, "constant_json", "argument " + name + " is a CONSTANT without constant_json");
        }
        try {
            return JSON.readTree(constantJson);
        } catch (JsonProcessingException e) {
            throw new UnresolvedBinding(name, "constant_json", "argument " + name + " has a constant_json that is not"
                    + " JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode loopElement(ProcedureStep step, String name, String source, JsonNode element)
            throws UnresolvedBinding {
        ValuePath path = parsed(name, source, () -> SourcePaths.item(source));
        if (element == null) {
            throw new UnresolvedBinding(name, source, "argument " + name + " reads the loop element, but step "
                    + step.getIndex() + " has no foreach");
        }
        JsonNode value = path.readPresent(element);
        if (value == null) {
            throw new UnresolvedBinding(name, source, "argument " + name + " reads " + source
                    + ", which the loop element does not have");
        }
        return value;
    }

    private static <T> T parsed(String name, String source, Supplier<T> parse) throws UnresolvedBinding {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UnresolvedBinding(name, source, (name == null ? "foreach: " : "argument " + name + ": ")
                    + e.getMessage());
        }
    }
}
