package io.procmem.miner.binding;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.miner.abstraction.ObservedStep;
import io.procmem.miner.abstraction.Values;
import io.procmem.schemas.binding.ValuePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds loops in a run: a maximal stretch of calls to the same abstract step whose values for one argument (the
 * driver) are the elements of one list in an earlier single step's result, every element once and in list order,
 * becomes one {@link FoldedStep} with a {@link Loop}. A lone call folds when the list has just that element, so "a
 * user and each of their reservations" is one routine whether the user has one reservation or three. Every other
 * argument must either take its value from the same element each time or keep one value across the calls, else the
 * stretch is not a loop. Among several lists, the most recent step wins, then the shortest path.
 *
 * <p>Why only complete walks: a {@code foreach} runs over the whole list in order, so only such walks replay
 * exactly. A partial walk (an agent reading reservations until it finds the one the user meant) is a search, which
 * the contract cannot express; it stays unfolded, each call bound to its own element, and the binding-consistency
 * review sees the element change from session to session. Known limit: only a whole stretch folds, so "each
 * reservation, then one more call to the same tool with other arguments" is left unfolded.
 */
public final class LoopFolder {
    private record Key(int position, ValuePath list, ValuePath element) {
    }

    private static final Comparator<Key> BEST = Comparator.comparingInt((Key key) -> -key.position())
            .thenComparingInt(key -> key.list().length() + key.element().length())
            .thenComparing(key -> key.list() + " " + key.element());

    private LoopFolder() {
    }

    /** The run with its loops folded. */
    public static List<FoldedStep> fold(List<ObservedStep> run) {
        List<FoldedStep> folded = new ArrayList<>();
        int start = 0;
        while (start < run.size()) {
            int end = start + 1;
            while (end < run.size() && run.get(end).step().text().equals(run.get(start).step().text())) {
                end++;
            }
            List<ObservedStep> stretch = run.subList(start, end);
            Optional<Loop> loop = detect(folded, stretch);
            if (loop.isPresent()) {
                folded.add(new FoldedStep(stretch.get(0).step(), stretch, loop.get(), null));
            } else {
                stretch.forEach(call -> folded.add(FoldedStep.single(call)));
            }
            start = end;
        }
        return folded;
    }

    private static Optional<Loop> detect(List<FoldedStep> before, List<ObservedStep> calls) {
        for (String driver : calls.get(0).step().argumentNames()) {
            Map<Key, List<Integer>> shared = sharedElements(before, calls, driver);
            List<Key> keys = new ArrayList<>(shared.keySet());
            keys.sort(BEST);
            for (Key key : keys) {
                List<Integer> indexes = shared.get(key);
                JsonNode list = key.list().read(before.get(key.position()).firstCall().result());
                if (walksEveryElement(indexes, list.size())) {
                    Optional<Map<String, ValuePath>> elements = otherElements(before.get(key.position()), calls, driver, key, indexes);
                    if (elements.isPresent()) {
                        return Optional.of(new Loop(key.position(), key.list(), elements.get(), indexes));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Lists (with the element used by each call) in which every call's driver value is an element or in one. */
    private static Map<Key, List<Integer>> sharedElements(List<FoldedStep> before, List<ObservedStep> calls, String driver) {
        Map<Key, List<Integer>> shared = null;
        for (ObservedStep call : calls) {
            JsonNode value = call.argument(driver);
            if (!Values.searchable(value)) {
                return Map.of();
            }
            Map<Key, Integer> found = new LinkedHashMap<>();
            String canonical = Values.canonical(value);
            for (int position = 0; position < before.size(); position++) {
                ResultIndex index = before.get(position).index();
                for (ValuePath path : index == null ? List.<ValuePath>of() : index.paths(canonical)) {
                    for (int at = 0; at < path.length(); at++) {
                        if (path.segments().get(at) instanceof Integer element) {
                            found.putIfAbsent(new Key(position, path.prefix(at), path.suffix(at + 1)), element);
                        }
                    }
                }
            }
            if (shared == null) {
                shared = new HashMap<>();
                for (Map.Entry<Key, Integer> entry : found.entrySet()) {
                    shared.put(entry.getKey(), new ArrayList<>(List.of(entry.getValue())));
                }
            } else {
                shared.keySet().retainAll(found.keySet());
                shared.forEach((key, indexes) -> indexes.add(found.get(key)));
            }
        }
        return shared == null ? Map.of() : shared;
    }

    /** Where the other arguments are in each element, or empty when one varies without following the element. */
    private static Optional<Map<String, ValuePath>> otherElements(FoldedStep source, List<ObservedStep> calls,
                                                                  String driver, Key key, List<Integer> indexes) {
        Map<String, ValuePath> elements = new HashMap<>(Map.of(driver, key.element()));
        for (String argument : calls.get(0).step().argumentNames()) {
            if (argument.equals(driver) || sameEverywhere(calls, argument)) {
                continue;
            }
            Set<ValuePath> common = null;
            for (int i = 0; i < calls.size(); i++) {
                ValuePath element = key.list().element(indexes.get(i));
                Set<ValuePath> inElement = new HashSet<>();
                for (ValuePath path : source.index().paths(Values.canonical(calls.get(i).argument(argument)))) {
                    if (path.length() >= element.length() && path.prefix(element.length()).equals(element)) {
                        inElement.add(path.suffix(element.length()));
                    }
                }
                if (common == null) {
                    common = inElement;
                } else {
                    common.retainAll(inElement);
                }
            }
            Optional<ValuePath> shortest = common.stream()
                    .min(Comparator.comparingInt(ValuePath::length).thenComparing(ValuePath::toString));
            if (shortest.isEmpty()) {
                return Optional.empty();
            }
            elements.put(argument, shortest.get());
        }
        return Optional.of(elements);
    }

    private static boolean walksEveryElement(List<Integer> indexes, int listSize) {
        if (indexes.size() != listSize) {
            return false;
        }
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameEverywhere(List<ObservedStep> calls, String argument) {
        String first = Values.canonical(calls.get(0).argument(argument));
        return calls.stream().allMatch(call -> Values.canonical(call.argument(argument)).equals(first));
    }
}
