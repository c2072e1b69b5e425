package io.procmem.miner.abstraction;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.schemas.shape.StepShapes;
import java.util.List;

/**
 * One tool call without its values: the tool, its sorted top-level argument names, and the text form
 * ({@code tool(a,b)}) computed by {@link StepShapes} so that miner and executor agree to the character.
 *
 * @param tool          the tool name
 * @param argumentNames sorted top-level argument names
 * @param text          the abstract step as StepShapes writes it
 */
public record AbstractStep(String tool, List<String> argumentNames, String text) {

    public AbstractStep {
        argumentNames = List.copyOf(argumentNames);
    }

    /**
     * The abstract step of a call.
     *
     * @throws IllegalArgumentException when the tool name is empty or the arguments are not a JSON object
     */
    public static AbstractStep of(String tool, String argumentsJson) {
        return of(tool, StepShapes.parseArguments(argumentsJson));
    }

    /**
     * The abstract step of a call whose arguments are already parsed ({@link StepShapes#parseArguments}).
     *
     * @throws IllegalArgumentException when the tool name is empty or the arguments are not a JSON object
     */
    public static AbstractStep of(String tool, JsonNode arguments) {
        return new AbstractStep(tool, StepShapes.argumentNames(arguments), StepShapes.of(tool, arguments));
    }
}
