package io.procmem.miner.candidates;

import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.StepObservation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of a sequence of abstract steps whatever the bindings, kept in the {@code sequence-stats} store (JSON).
 * Two kinds of keys: a sequence ({@code a(x) > foreach b(y)}), counting its occurrences and, per argument, how often
 * each exact rule bound it, which is what binding consistency is measured against (an argument bound from a result
 * in half the occurrences and from nowhere in the other half is inconsistent, although each half is its own
 * candidate); and {@link #firstStepKey}, counting a single step's occurrences, the denominator of determinism.
 *
 * <p>How it grows: at most {@value #MAX_RULES_PER_ARGUMENT} rules per argument; rarer ones are counted together
 * under {@value #OTHER}, so the value is bounded by the routine's argument count.
 *
 * <p>{@code rules} and its per-argument maps are held sorted and read-only; counting copies each once per call.
 *
 * @param rules argument key ({@link #argumentKey}, {@link #foreachKey}) to rule to occurrences
 */
public record SequenceStats(long occurrences, long lastSeenMs, Map<String, Map<String, Long>> rules) {
    public static final int MAX_RULES_PER_ARGUMENT = 16;
    public static final String OTHER = "*other*";

    public SequenceStats {
        // Views made by this class (the map and each argument's) need no copy.
        if (!viewsAll(rules)) {
            TreeMap<String, Map<String, Long>> copy = new TreeMap<>();
            rules.forEach((argument, counts) -> copy.put(argument, SortedViews.owning(new TreeMap<>(counts))));
            rules = SortedViews.owning(copy);
        }
    }

    private static boolean viewsAll(Map<String, Map<String, Long>> rules) {
        if (!SortedViews.isView(rules)) {
            return false;
        }
        for (Map<String, Long> byRule : rules.values()) {
            if (!SortedViews.isView(byRule)) {
                return false;
            }
        }
        return true;
    }

    public static SequenceStats none() {
        return new SequenceStats(0, 0, Map.of());
    }

    public static String firstStepKey(String abstractStep) {
        return "first-step:" + abstractStep;
    }

    public static String argumentKey(int step, String argument) {
        return step + "." + argument;
    }

    public static String foreachKey(int step) {
        return step + ".foreach";
    }

    /** These figures plus {@code count} occurrences of a first step. */
    public SequenceStats addFirstSteps(int count, long nowMs) {
        return new SequenceStats(occurrences + count, nowMs, rules);
    }

    /** These figures plus occurrences of the sequence, with the rule that bound each argument. */
    public SequenceStats add(List<Occurrence> more, long nowMs) {
        // The argument maps counted into by this call: each a copy of the stored one, made on first use.
        Map<String, TreeMap<String, Long>> counted = new HashMap<>();
        for (Occurrence occurrence : more) {
            for (int i = 0; i < occurrence.steps().size(); i++) {
                StepObservation step = occurrence.steps().get(i);
                if (step.foreach() != null) {
                    count(counted, foreachKey(i), step.foreach());
                }
                for (ArgumentObservation argument : step.arguments()) {
                    count(counted, argumentKey(i, argument.name()), argument.rule());
                }
            }
        }
        if (counted.isEmpty()) {
            return new SequenceStats(occurrences + more.size(), nowMs, rules);
        }
        TreeMap<String, Map<String, Long>> counts = SortedViews.mutableCopy(rules);
        counted.forEach((argument, byRule) -> counts.put(argument, SortedViews.owning(byRule)));
        return new SequenceStats(occurrences + more.size(), nowMs, SortedViews.owning(counts));
    }

    /** Share of occurrences in which the argument (or loop) was bound by exactly this rule. */
    public double share(String argumentKey, String rule) {
        long count = rules.getOrDefault(argumentKey, Map.of()).getOrDefault(rule, 0L);
        return occurrences == 0 ? 0 : (double) count / occurrences;
    }

    private void count(Map<String, TreeMap<String, Long>> counted, String argument, String rule) {
        TreeMap<String, Long> byRule = counted.computeIfAbsent(argument,
                key -> SortedViews.mutableCopy(rules.getOrDefault(key, Map.of())));
        String key = byRule.containsKey(rule) || byRule.size() < MAX_RULES_PER_ARGUMENT ? rule : OTHER;
        byRule.merge(key, 1L, Long::sum);
    }
}
