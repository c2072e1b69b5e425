package io.procmem.miner.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final ArgumentObservation FREE = new ArgumentObservation("user_id", Source.FREE, "user_id", "user_id",
            "\"u1\"", true);
    private static final ArgumentObservation ELEMENT = new ArgumentObservation("id", Source.LOOP_ELEMENT, "$.item", "$.item",
            null, false);
    private static final ArgumentObservation RESULT = new ArgumentObservation("card", Source.STEP_RESULT,
            "$.steps[0].result.cards[2]", "$.steps[0].result.cards[*]", "\"c\"", false);

    @Test
    void shouldJoinEachStepsPartsAsTheyAreWritten() {
        List<StepObservation> steps = List.of(
                new StepObservation("get_user", "get_user(user_id)", null, null, List.of(FREE), List.of("{}")),
                new StepObservation("list", "list()", null, null, List.of(), List.of("{}")),
                new StepObservation("get", "get(id)", "$.steps[0].result.ids", "$.steps[0].result.ids", List.of(ELEMENT),
                        List.of("{}")),
                new StepObservation("ping", "ping()", "$.steps[1].result", "$.steps[1].result", List.of(), List.of("{}")),
                new StepObservation("pay", "pay(card,user_id)", null, null, List.of(RESULT, FREE), List.of("{}")));

        assertThat(Signatures.sequence(steps)).isEqualTo(steps.stream().map(StepObservation::sequencePart)
                .collect(Collectors.joining(Signatures.SEPARATOR)));
        assertThat(Signatures.signature(steps)).isEqualTo(steps.stream().map(StepObservation::signaturePart)
                .collect(Collectors.joining(Signatures.SEPARATOR)));
        assertThat(Signatures.signature(steps)).isEqualTo("get_user(user_id){user_id=FREE:user_id} > list() > "
                + "foreach get(id){foreach=$.steps[0].result.ids; id=LOOP_ELEMENT:$.item} > "
                + "foreach ping(){foreach=$.steps[1].result} > "
                + "pay(card,user_id){card=STEP_RESULT:$.steps[0].result.cards[*]; user_id=FREE:user_id}");
        assertThat(Signatures.sequence(steps)).isEqualTo("get_user(user_id) > list() > foreach get(id) > foreach ping() > "
                + "pay(card,user_id)");
        assertThat(Signatures.signature(List.of())).isEmpty();
    }
}
