package io.procmem.miner.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.Source;
import io.procmem.miner.binding.StepObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceStatsTest {

    @Test
    void shouldMeasureTheShareOfOccurrencesBoundByEachRule() {
        SequenceStats stats = SequenceStats.none().add(List.of(occurrence("STEP_RESULT:$.steps[0].result.id"),
                occurrence("STEP_RESULT:$.steps[0].result.id"), occurrence("FREE:id")), 7);

        assertThat(stats.occurrences()).isEqualTo(3);
        assertThat(stats.lastSeenMs()).isEqualTo(7);
        assertThat(stats.share(SequenceStats.argumentKey(0, "id"), "STEP_RESULT:$.steps[0].result.id")).isEqualTo(2.0 / 3);
        assertThat(stats.share(SequenceStats.argumentKey(0, "id"), "FREE:id")).isEqualTo(1.0 / 3);
    }

    @Test
    void shouldCountRareRulesTogetherOnceAnArgumentHasManyRules() {
        List<Occurrence> many = new ArrayList<>();
        for (int i = 0; i < SequenceStats.MAX_RULES_PER_ARGUMENT + 5; i++) {
            many.add(occurrence("STEP_RESULT:$.steps[0].result.items[" + i + "]"));
        }

        SequenceStats stats = SequenceStats.none().add(many, 1);

        Map<String, Long> rules = stats.rules().get(SequenceStats.argumentKey(0, "id"));
        assertThat(rules).hasSize(SequenceStats.MAX_RULES_PER_ARGUMENT + 1).containsEntry(SequenceStats.OTHER, 5L);
    }

    @Test
    void shouldCountFirstStepsApartFromSequences() {
        SequenceStats first = SequenceStats.none().addFirstSteps(3, 1).addFirstSteps(2, 9);

        assertThat(first.occurrences()).isEqualTo(5);
        assertThat(SequenceStats.firstStepKey("a(x)")).isNotEqualTo("a(x)");
    }

    private static Occurrence occurrence(String rule) {
        String[] parts = rule.split(":", 2);
        ArgumentObservation argument = new ArgumentObservation("id", Source.valueOf(parts[0]), parts[1], parts[1], "\"v\"", false);
        return new Occurrence("s", 0, List.of(new StepObservation("use", "use(id)", null, null, List.of(argument),
                List.of("{\"id\":\"v\"}"))), Map.of(), null, true);
    }
}
