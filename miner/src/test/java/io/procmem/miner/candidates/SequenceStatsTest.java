package io.procmem.miner.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.Source;
import io.procmem.miner.binding.StepObservation;
import java.util.ArrayList;
import java.util.HashMap;
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

    @Test
    void shouldWriteTheJsonItWroteBefore() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SequenceStats stats = SequenceStats.none()
                .add(List.of(occurrence("FREE:id"), occurrence("STEP_RESULT:$.steps[0].result.id")), 3)
                .add(List.of(occurrence("FREE:id")), 4);
        // Written by the version that copied the rule maps on every count.
        String before = "{\"occurrences\":3,\"lastSeenMs\":4,\"rules\":{\"0.id\":{\"FREE:id\":2,"
                + "\"STEP_RESULT:$.steps[0].result.id\":1}}}";

        assertThat(json.writeValueAsString(stats)).isEqualTo(before);
        SequenceStats read = json.readValue(before, SequenceStats.class);
        assertThat(read).isEqualTo(stats);
        assertThat(json.writeValueAsString(read.add(List.of(occurrence("FREE:id")), 5)))
                .isEqualTo("{\"occurrences\":4,\"lastSeenMs\":5,\"rules\":{\"0.id\":{\"FREE:id\":3,"
                        + "\"STEP_RESULT:$.steps[0].result.id\":1}}}");
    }

    @Test
    void shouldHoldItsRulesReadOnlyAndCopyThemOnlyWhenCounting() {
        Map<String, Long> byRule = new HashMap<>(Map.of("FREE:id", 1L));
        Map<String, Map<String, Long>> given = new HashMap<>(Map.of("0.id", byRule));
        SequenceStats stats = new SequenceStats(1, 1, given);
        byRule.put("FREE:other", 5L);
        given.put("1.x", Map.of());

        assertThat(stats.rules()).isEqualTo(Map.of("0.id", Map.of("FREE:id", 1L)));
        assertThatThrownBy(() -> stats.rules().put("1.x", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stats.rules().get("0.id").put("FREE:other", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(stats.addFirstSteps(1, 2).rules()).isSameAs(stats.rules());
        assertThat(new SequenceStats(1, 1, stats.rules()).rules()).isSameAs(stats.rules());
        SequenceStats counted = stats.add(List.of(occurrence("FREE:id")), 3);
        assertThat(counted.rules().get("0.id")).containsEntry("FREE:id", 2L);
        assertThat(stats.rules().get("0.id")).as("the earlier figures unchanged").containsEntry("FREE:id", 1L);
    }

    private static Occurrence occurrence(String rule) {
        String[] parts = rule.split(":", 2);
        ArgumentObservation argument = new ArgumentObservation("id", Source.valueOf(parts[0]), parts[1], parts[1], "\"v\"", false);
        return new Occurrence("s", 0, List.of(new StepObservation("use", "use(id)", null, null, List.of(argument),
                List.of("{\"id\":\"v\"}"))), Map.of(), null, true);
    }
}
