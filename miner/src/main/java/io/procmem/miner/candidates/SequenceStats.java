package io.procmem.miner.candidates;

import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.StepObservation;
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
 * @param rules argument key ({@link #argumentKey}, {@link #foreachKey}) to rule to occurrences
 */
public record SequenceStats(long occurrences, long lastSeenMs, Map<String, Map<String, Long>> rules) {
    public static final int MAX_RULES_PER_ARGUMENT = 16;
    public static final String OTHER = "*other*";

    public SequenceStats {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        rules.forEach((argument, counts) -> copy.put(argument, new TreeMap<>(counts)));
        rules = copy;
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
        Map<String, Map<String, Long>> counts = new TreeMap<>(rules);
        for (Occurrence occurrence : more) {
            for (int i = 0; i < occurrence.steps().size(); i++) {
                StepObservation step = occurrence.steps().get(i);
                if (step.foreach() != null) {
                    count(counts, foreachKey(i), step.foreach());
                }
                for (ArgumentObservation argument : step.arguments()) {
                    count(counts, argumentKey(i, argument.name()), argument.rule());
                }
            }
        }
        return new SequenceStats(occurrences + more.size(), nowMs, counts);
    }

    /** Share of occurrences in which the argument (or loop) was bound by exactly this rule. */
    public double share(String argumentKey, String rule) {
        long count = rules.getOrDefault(argumentKey, Map.of()).getOrDefault(rule, 0L);
        return occurrences == 0 ? 0 : (double) count / occurrences;
    }

    private static void count(Map<String, Map<String, Long>> counts, String argument, String rule) {
        Map<String, Long> byRule = new TreeMap<>(counts.getOrDefault(argument, Map.of()));
        String key = byRule.containsKey(rule) || byRule.size() < MAX_RULES_PER_ARGUMENT ? rule : OTHER;
        byRule.merge(key, 1L, Long::sum);
        counts.put(argument, byRule);
    }
}
