package io.procmem.miner.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each argument (and each loop's list) was bound by the routine's rule in at least the minimum share of the
 * sequence's occurrences, whatever candidate those occurrences fell in. An argument taken from a result in some
 * sessions and found nowhere in others fails: the routine would bind it wrongly in the others.
 */
final class BindingConsistencyReview implements Check {
    static final String NAME = "binding-consistency";

    @Override
    public ReviewResult review(Evidence evidence) {
        Routine routine = evidence.routine();
        if (routine == null) {
            return new ReviewResult(NAME, false, false, "no sampled occurrence to infer bindings from", Map.of());
        }
        double minimum = evidence.thresholds().minBindingConsistency();
        Map<String, Double> figures = new TreeMap<>();
        List<String> weak = new ArrayList<>();
        double lowest = 1.0;
        for (int i = 0; i < routine.steps().size(); i++) {
            Routine.Step step = routine.steps().get(i);
            if (step.foreach() != null) {
                lowest = Math.min(lowest, judge("step" + i + ".foreach", "foreach " + step.foreach(),
                        Consistency.ofLoop(evidence.sequence(), i, step.foreach()), minimum, figures, weak));
            }
            for (Routine.Binding binding : step.arguments()) {
                lowest = Math.min(lowest, judge("step" + i + "." + binding.name(), binding.rule(),
                        Consistency.of(evidence.sequence(), i, binding), minimum, figures, weak));
            }
        }
        figures.put("min", lowest);
        boolean passed = weak.isEmpty();
        String detail = passed
                ? String.format("every argument bound by one rule in at least %.0f%% of %d occurrences (min %.0f%%)",
                        100 * lowest, evidence.sequence().occurrences(), 100 * minimum)
                : "bound inconsistently over " + evidence.sequence().occurrences() + " occurrences: " + String.join("; ", weak);
        return new ReviewResult(NAME, passed, passed && Thresholds.ampleRate(lowest, minimum), detail, figures);
    }

    private static double judge(String argument, String rule, double share, double minimum, Map<String, Double> figures,
                                List<String> weak) {
        figures.put(argument, share);
        if (share < minimum) {
            weak.add(String.format("%s by %s in %.0f%% (min %.0f%%)", argument, rule, 100 * share, 100 * minimum));
        }
        return share;
    }
}
