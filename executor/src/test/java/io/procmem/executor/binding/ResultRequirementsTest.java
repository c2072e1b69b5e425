package io.procmem.executor.binding;

import static io.procmem.executor.Routines.input;
import static io.procmem.executor.Routines.item;
import static io.procmem.executor.Routines.procedure;
import static io.procmem.executor.Routines.step;
import static io.procmem.executor.Routines.stepResult;
import static io.procmem.executor.binding.BindingResolverTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.SideEffect;
import org.junit.jupiter.api.Test;

class ResultRequirementsTest {
    private final CompiledProcedure procedure = procedure("p-1", ProcedureStatus.CANDIDATE,
            step(0, "get_user_details", SideEffect.READ, null, input("user_id")),
            step(1, "get_reservation_details", SideEffect.READ, "$.steps[0].result.reservations", item("reservation_id", "$.item")),
            step(2, "send_email", SideEffect.WRITE, null, stepResult("email", "$.steps[0].result.email")));
    private final ResultRequirements requirements = ResultRequirements.of(procedure);

    @Test
    void shouldAcceptAResultHoldingEverythingLaterStepsRead() {
        assertThat(requirements.unmet(0, json("{\"reservations\": [], \"email\": \"a@b.c\"}"))).isEmpty();
        assertThat(requirements.unmet(1, json("[]"))).isEmpty();
    }

    @Test
    void shouldNameTheFirstPathALaterStepReadsThatTheResultLacks() {
        assertThat(requirements.unmet(0, json("{\"reservations\": []}"))).get()
                .satisfies(unmet -> {
                    assertThat(unmet.source()).isEqualTo("$.steps[0].result.email");
                    assertThat(unmet.readBy()).isEqualTo(2);
                });
        assertThat(requirements.unmet(0, null)).isPresent();
    }

    @Test
    void shouldRequireAListWhereAForeachWalks() {
        assertThat(requirements.unmet(0, json("{\"reservations\": \"NO6JO3\", \"email\": \"a@b.c\"}"))).get()
                .satisfies(unmet -> assertThat(unmet.list()).isTrue());
    }
}
