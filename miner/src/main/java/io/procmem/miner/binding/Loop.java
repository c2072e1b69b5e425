package io.procmem.miner.binding;

import io.procmem.schemas.binding.ValuePath;
import java.util.List;
import java.util.Map;

/**
 * How a run of calls to one abstract step walks a list: the list's place in an earlier step's result, and for each
 * argument that takes its value from the current element, where in the element it is.
 *
 * @param sourcePosition position, in the folded run, of the step whose result holds the list
 * @param list           path of the list in that result
 * @param elements       argument name to its path inside the element ({@link ValuePath#ROOT} for the element itself)
 * @param indexes        the element each call used, in call order
 */
public record Loop(int sourcePosition, ValuePath list, Map<String, ValuePath> elements, List<Integer> indexes) {
    public Loop {
        elements = Map.copyOf(elements);
        indexes = List.copyOf(indexes);
    }
}
