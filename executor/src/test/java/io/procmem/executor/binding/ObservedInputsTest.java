package io.procmem.executor.binding;

import static io.procmem.executor.Routines.input;
import static io.procmem.executor.Routines.procedure;
import static io.procmem.executor.Routines.step;
import static io.procmem.executor.Routines.stepResult;
import static io.procmem.executor.binding.BindingResolverTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.SideEffect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedInputsTest {
    private final CompiledProcedure procedure = procedure("p-1", ProcedureStatus.CANDIDATE,
            step(0, "get_user_details", SideEffect.READ, null, input("user_id")),
            step(1, "get_reservation_details", SideEffect.READ, null, stepResult("reservation_id",
                    "$.steps[0].result.reservations[0]")),
            step(2, "notify", SideEffect.WRITE, null, input("user_id")));

    @Test
    void shouldTakeInputsFromTheArgumentsTheAgentPassedToTheMatchedSteps() {
        assertThat(ObservedInputs.of(procedure, List.of(json("{\"user_id\": \"mia_li_3668\"}"),
                json("{\"reservation_id\": \"NO6JO3\"}"))))
                .containsExactly(Map.entry("user_id", json("\"mia_li_3668\"")));
    }

    @Test
    void shouldGiveNoInputWhenTheAgentsCallLacksTheArgument() {
        assertThat(ObservedInputs.of(procedure, List.of(json("{\"email\": \"a@b.c\"}")))).isEmpty();
        assertThat(ObservedInputs.of(procedure, List.of(json("{\"user_id\": null}")))).isEmpty();
    }
}
