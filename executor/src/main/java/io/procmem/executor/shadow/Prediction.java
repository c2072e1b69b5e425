package io.procmem.executor.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.CompiledProcedure;

/**
 * The call a SHADOW procedure would make next, or why it could not say (it would have escalated).
 *
 * @param stepIndex  the procedure step predicted
 * @param arguments  the resolved arguments, or null when {@code unresolved}
 * @param unresolved why the arguments could not be resolved, or null
 */
public record Prediction(CompiledProcedure procedure, int stepIndex, String tool, ObjectNode arguments,
                         String unresolved) {
}
