package io.procmem.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.Review;
import io.procmem.avro.SideEffect;
import io.procmem.avro.Support;
import io.procmem.avro.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcedureTableTest {

    private static CompiledProcedure procedure(String id, long occurrences) {
        ProcedureStep first = ProcedureStep.newBuilder().setIndex(0).setTool("get_user_details")
                .setAbstractStep("get_user_details(user_id)").setSideEffect(SideEffect.READ)
                .setArguments(List.of(ArgumentBinding.newBuilder().setName("user_id").setKind(BindingKind.INPUT)
                        .setSource("user_id").build()))
                .build();
        ProcedureStep second = ProcedureStep.newBuilder().setIndex(1).setTool("get_reservation_details")
                .setAbstractStep("get_reservation_details(reservation_id)").setSideEffect(SideEffect.READ)
                .setForeach("$.steps[0].result.reservations")
                .setArguments(List.of(ArgumentBinding.newBuilder().setName("reservation_id")
                        .setKind(BindingKind.LOOP_ELEMENT).setSource("$.item").build()))
                .build();
        return CompiledProcedure.newBuilder().setProcedureId(id).setVersion(2).setStatus(ProcedureStatus.CANDIDATE)
                .setName("get_user_details > get_reservation_details").setSignature("sig-" + id)
                .setTrigger(Trigger.newBuilder().build()).setSteps(List.of(first, second))
                .setSupport(Support.newBuilder().setOccurrences(occurrences).setSessions(occurrences / 2).setAgents(1).build())
                .setReviews(List.of(Review.newBuilder().setName("support").setPassed(true).setDetail("ok")
                        .setFigures(Map.of("occurrences", (double) occurrences)).build()))
                .setCreatedAt(Instant.EPOCH).setUpdatedAt(Instant.EPOCH).build();
    }

    @Test
    void shouldListTheMostSupportedFirstAndSayHowManyAreHidden() {
        String table = ProcedureTable.render(List.of(procedure("p-low", 5), procedure("p-high", 40),
                procedure("p-mid", 12)), 2, false);

        assertThat(table).startsWith("3 compiled procedure(s), showing the 2 most supported");
        assertThat(table.indexOf("p-high")).isLessThan(table.indexOf("p-mid"));
        assertThat(table).doesNotContain("p-low");
    }

    @Test
    void shouldShowBindingsLoopsAndReviewsInDetail() {
        String table = ProcedureTable.render(List.of(procedure("p-1", 10)), 10, true);

        assertThat(table).contains("user_id=input:user_id")
                .contains("foreach $.steps[0].result.reservations: get_reservation_details(reservation_id=loop_element:$.item)")
                .contains("review support").contains("pass");
    }

    @Test
    void shouldSayWhenThereIsNothingToShow() {
        assertThat(ProcedureTable.render(List.of(), 10, false)).isEqualTo(String.format("0 compiled procedure(s)%n"));
    }
}
