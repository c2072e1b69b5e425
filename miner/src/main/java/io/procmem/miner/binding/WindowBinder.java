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
 *
 * <p>How a step binds depends on where its window starts, never on where it ends, so the windows that start at one
 * step are bound together, each one the previous one plus a step ({@link Windows#from}); what does not depend on
 * the start either (canonical values, request parameters, loop elements, paths found in results) is worked out once
 * per step of the run.
 */
public final class WindowBinder {

    private WindowBinder() {
    }

    /** The bound window {@code run[from..to]} (inclusive), or empty when a loop's list is outside it. */
    public static Optional<BoundWindow> bind(List<FoldedStep> run, int from, int to, Request request) {
        return new Windows(run, request).from(from, to, to).get(0);
    }

    /** The windows of one folded run, sharing the work that does not depend on where a window starts. */
    public static final class Windows {
        private final List<FoldedStep> run;
        private final Request request;
        private final StepFacts[] facts;
        private Map<String, String> paramsByCanonical;

        public Windows(List<FoldedStep> run, Request request) {
            this.run = run;
            this.request = request;
            this.facts = new StepFacts[run.size()];
        }

        /**
         * The windows {@code run[from..to]} for {@code to} from {@code firstTo} to {@code lastTo}, in that order: each
         * the same as {@link WindowBinder#bind} gives.
         */
        public List<Optional<BoundWindow>> from(int from, int firstTo, int lastTo) {
            List<Optional<BoundWindow>> windows = new ArrayList<>(Math.max(0, lastTo - firstTo + 1));
            Map<String, String> inputsByValue = new HashMap<>();
            Set<String> inputNames = new HashSet<>();
            Map<Integer, String> sourceResults = new TreeMap<>();
            List<StepObservation> steps = new ArrayList<>();
            for (int position = from; position <= lastTo; position++) {
                FoldedStep step = run.get(position);
                Loop loop = step.loop();
                if (loop != null && loop.sourcePosition() < from) {
                    for (int to = Math.max(position, firstTo); to <= lastTo; to++) {
                        windows.add(Optional.empty());
                    }
                    return windows;
                }
                StepFacts stepFacts = facts(position);
                String foreach = null;
                String foreachPattern = null;
                if (loop != null) {
                    int source = loop.sourcePosition() - from;
                    foreach = BindingSources.stepResult(source, stepFacts.listText);
                    foreachPattern = BindingSources.stepResult(source, stepFacts.listPattern);
                    sourceResults.put(source, run.get(loop.sourcePosition()).firstCall().resultJson());
                }
                List<ArgumentObservation> arguments = new ArrayList<>(stepFacts.arguments.length);
                for (ArgumentFacts argument : stepFacts.arguments) {
                    if (argument.loopElement != null) {
                        arguments.add(argument.loopElement);
                        continue;
                    }
                    ArgumentObservation bound = fromResults(from, position, argument, sourceResults);
                    if (bound == null) {
                        bound = fromParams(argument);
                    }
                    if (bound == null) {
                        bound = free(argument, inputsByValue, inputNames);
                    }
                    arguments.add(bound);
                }
                steps.add(new StepObservation(step.step().tool(), step.step().text(), foreach, foreachPattern, arguments,
                        stepFacts.calls));
                if (position >= firstTo) {
                    windows.add(Optional.of(new BoundWindow(steps, sourceResults)));
                }
            }
            return windows;
        }

        private StepFacts facts(int position) {
            if (facts[position] == null) {
                facts[position] = new StepFacts(run.get(position), request);
            }
            return facts[position];
        }

        private ArgumentObservation fromResults(int from, int position, ArgumentFacts argument,
                                                Map<Integer, String> sourceResults) {
            if (!argument.searchable) {
                return null;
            }
            for (int earlier = position - 1; earlier >= from; earlier--) {
                String[] found = argument.foundIn(run, earlier);
                if (found != null) {
                    sourceResults.put(earlier - from, run.get(earlier).firstCall().resultJson());
                    return new ArgumentObservation(argument.name, Source.STEP_RESULT,
                            BindingSources.stepResult(earlier - from, found[0]),
                            BindingSources.stepResult(earlier - from, found[1]), argument.canonical, argument.mentioned);
                }
            }
            return null;
        }

        private ArgumentObservation fromParams(ArgumentFacts argument) {
            if (request.params() == null || !argument.searchable) {
                return null;
            }
            if (!argument.paramLooked) {
                String param = params().get(argument.canonical);
                argument.param = param == null ? null : new ArgumentObservation(argument.name, Source.REQUEST_PARAM,
                        BindingSources.param(param), BindingSources.param(param), argument.canonical, argument.mentioned);
                argument.paramLooked = true;
            }
            return argument.param;
        }

        /** The first parameter (by name) with each canonical value, among the parameters a path can name. */
        private Map<String, String> params() {
            if (paramsByCanonical == null) {
                TreeMap<String, JsonNode> params = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = request.params().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> param = it.next();
                    params.put(param.getKey(), param.getValue());
                }
                paramsByCanonical = new HashMap<>();
                params.forEach((name, value) -> {
                    if (ValuePath.expressible(name)) {
                        paramsByCanonical.putIfAbsent(Values.canonical(value), name);
                    }
                });
            }
            return paramsByCanonical;
        }

        private static ArgumentObservation free(ArgumentFacts argument, Map<String, String> inputsByValue,
                                                Set<String> inputNames) {
            String input = argument.searchable ? inputsByValue.get(argument.canonical) : null;
            if (input == null) {
                input = argument.name;
                for (int n = 2; inputNames.contains(input); n++) {
                    input = argument.name + "_" + n;
                }
                inputNames.add(input);
                if (argument.searchable) {
                    inputsByValue.put(argument.canonical, input);
                }
            }
            return new ArgumentObservation(argument.name, Source.FREE, input, input, argument.canonical, argument.mentioned);
        }
    }

    /** What binding one step of the run needs that does not depend on the window. */
    private static final class StepFacts {
        final List<String> calls;
        final ArgumentFacts[] arguments;
        final String listText;
        final String listPattern;

        StepFacts(FoldedStep step, Request request) {
            List<String> callTexts = new ArrayList<>(step.calls().size());
            for (ObservedStep call : step.calls()) {
                callTexts.add(Values.canonical(call.arguments()));
            }
            calls = List.copyOf(callTexts);
            Loop loop = step.loop();
            listText = loop == null ? null : loop.list().toString();
            listPattern = loop == null ? null : loop.list().generalized();
            List<String> names = step.step().argumentNames();
            arguments = new ArgumentFacts[names.size()];
            for (int i = 0; i < arguments.length; i++) {
                String name = names.get(i);
                if (loop != null && loop.elements().containsKey(name)) {
                    ValuePath inElement = loop.elements().get(name);
                    arguments[i] = new ArgumentFacts(name, new ArgumentObservation(name, Source.LOOP_ELEMENT,
                            BindingSources.item(inElement.toString()), BindingSources.item(inElement.generalized()),
                            null, false));
                } else {
                    arguments[i] = new ArgumentFacts(name, step.firstCall().argument(name), request);
                }
            }
        }
    }

    /** One argument of one step: its value's canonical text and where it was looked up so far. */
    private static final class ArgumentFacts {
        private static final String[] NOT_FOUND = new String[0];

        final String name;
        final ArgumentObservation loopElement;
        final boolean searchable;
        final String canonical;
        final boolean mentioned;
        boolean paramLooked;
        ArgumentObservation param;
        /** By earlier position: the first path holding the value (text and pattern), NOT_FOUND, or null (not looked). */
        private String[][] found;

        ArgumentFacts(String name, ArgumentObservation loopElement) {
            this.name = name;
            this.loopElement = loopElement;
            this.searchable = false;
            this.canonical = null;
            this.mentioned = false;
        }

        ArgumentFacts(String name, JsonNode value, Request request) {
            this.name = name;
            this.loopElement = null;
            this.searchable = Values.searchable(value);
            this.canonical = Values.canonical(value);
            this.mentioned = request.mentions(value);
        }

        /** The first path holding the value in the result of the single step at {@code earlier}, or null. */
        String[] foundIn(List<FoldedStep> run, int earlier) {
            if (found == null) {
                found = new String[earlier + 1][];
            }
            String[] hit = found[earlier];
            if (hit == null) {
                ResultIndex index = run.get(earlier).index();
                List<ValuePath> paths = index == null ? List.of() : index.paths(canonical);
                hit = paths.isEmpty() ? NOT_FOUND : new String[] {paths.get(0).toString(), paths.get(0).generalized()};
                found[earlier] = hit;
            }
            return hit == NOT_FOUND ? null : hit;
        }
    }
}
