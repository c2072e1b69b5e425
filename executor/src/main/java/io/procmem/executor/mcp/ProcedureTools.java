package io.procmem.executor.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a procedure looks as an MCP tool. The name is {@code proc_} plus the procedure id without its {@code p-}
 * prefix, with any character MCP does not allow in tool names replaced by {@code _}: it is stable across versions
 * and executors, since the id is. The description lists the steps and the support behind them; the input schema
 * has one property per procedure input, typed by its {@code json_type}, all required (a procedure cannot run with an
 * input missing).
 *
 * <p>Limit: two ids that differ only in characters MCP forbids would share a name; real ids are hex, so they do not.
 */
public final class ProcedureTools {
    public static final String PREFIX = "proc_";
    /** MCP allows 1 to 128 characters of this set in tool names. */
    private static final int MAX_NAME = 128;
    private static final Set<String> JSON_TYPES = Set.of("string", "number", "integer", "boolean", "object", "array");

    private ProcedureTools() {
    }

    public static String toolName(CompiledProcedure procedure) {
        String id = procedure.getProcedureId();
        String bare = id.startsWith("p-") ? id.substring(2) : id;
        String name = PREFIX + bare.replaceAll("[^A-Za-z0-9_.-]", "_");
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    public static McpSchema.Tool tool(CompiledProcedure procedure) {
        return McpSchema.Tool.builder(toolName(procedure), inputSchema(procedure))
                .title(procedure.getName())
                .description(description(procedure))
                .build();
    }

    static String description(CompiledProcedure procedure) {
        List<ProcedureStep> steps = procedure.getSteps();
        String listed = steps.stream().map(ProcedureTools::describe).collect(Collectors.joining("; "));
        return "Runs the routine " + procedure.getName() + " (procedure " + procedure.getProcedureId() + " v"
                + procedure.getVersion() + ", " + procedure.getStatus() + ") without the model: " + steps.size()
                + " step(s): " + listed + ". Seen " + procedure.getSupport().getOccurrences() + " time(s) in "
                + procedure.getSupport().getSessions() + " session(s) by " + procedure.getSupport().getAgents()
                + " agent(s). If a step fails its check the run stops and says where to resume.";
    }

    private static String describe(ProcedureStep step) {
        String arguments = step.getArguments().stream().map(ArgumentBinding::getName).collect(Collectors.joining(", "));
        String call = step.getTool() + "(" + arguments + ")";
        return (step.getIndex() + 1) + ". " + (step.getForeach() == null ? call : "for each of " + step.getForeach()
                + ": " + call) + " [" + step.getSideEffect() + "]";
    }

    static Map<String, Object> inputSchema(CompiledProcedure procedure) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (ProcedureInput input : procedure.getInputs()) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", JSON_TYPES.contains(input.getJsonType()) ? input.getJsonType() : "string");
            if (input.getDescription() != null) {
                property.put("description", input.getDescription());
            }
            properties.put(input.getName(), property);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", procedure.getInputs().stream().map(ProcedureInput::getName).toList());
        return schema;
    }
}
