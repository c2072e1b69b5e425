package io.procmem.miner.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.Review;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SideEffect;
import io.procmem.miner.Mining;
import io.procmem.miner.Sessions;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProcedureBuilderTest {

    @Test
    void shouldDeriveTheIdFromTheSignatureSha256() {
        // Pinned: executors and earlier releases compute the same id; a change here orphans every published procedure.
        assertThat(ProcedureIds.of("get_user(user_id) > get_order(order_id,user_id)")).isEqualTo("p-3a5ec1e090a3afeb");
        assertThat(ProcedureIds.of("get_user(user_id)")).isNotEqualTo(ProcedureIds.of("get_user(user_id) > get_order(order_id,user_id)"));
    }

    @Test
    void shouldPublishTheLoopWithItsBindingsInputsSideEffectsAndReviews() {
        Mining mining = new Mining(Map.of());
        List<CompiledProcedure> published = mining.feed(IntStream.range(0, 5).mapToObj(i -> Sessions.session("s" + i,
                "agent-" + i % 2, SessionOutcome.SUCCESS, "I am user" + i, "get_user", "{\"user_id\":\"user" + i + "\"}",
                "{\"reservations\":[\"r" + i + "\",\"q" + i + "\"]}", "get_reservation", "{\"reservation_id\":\"r" + i + "\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"q" + i + "\"}", "{}")).toList());

        CompiledProcedure procedure = published.get(0);
        assertThat(procedure.getSignature()).isEqualTo("get_user(user_id){user_id=FREE:user_id} > foreach "
                + "get_reservation(reservation_id){foreach=$.steps[0].result.reservations; reservation_id=LOOP_ELEMENT:$.item}");
        assertThat(procedure.getProcedureId()).isEqualTo(ProcedureIds.of(procedure.getSignature()));
        assertThat(procedure.getName()).isEqualTo("get_user > foreach get_reservation");
        assertThat(procedure.getFleet()).isEqualTo("acme");
        assertThat(procedure.getSteps()).extracting(ProcedureStep::getAbstractStep, ProcedureStep::getSideEffect, ProcedureStep::getForeach)
                .containsExactly(tuple("get_user(user_id)", SideEffect.READ, null),
                        tuple("get_reservation(reservation_id)", SideEffect.READ, "$.steps[0].result.reservations"));
        assertThat(procedure.getSteps()).flatExtracting(ProcedureStep::getArguments)
                .extracting(ArgumentBinding::getKind, ArgumentBinding::getSource, ArgumentBinding::getConsistency)
                .containsExactly(tuple(BindingKind.INPUT, "user_id", 1.0), tuple(BindingKind.LOOP_ELEMENT, "$.item", 1.0));
        assertThat(procedure.getInputs()).extracting(ProcedureInput::getName, ProcedureInput::getJsonType, ProcedureInput::getDescription)
                .containsExactly(tuple("user_id", "string", "given in the request"));
        assertThat(procedure.getSupport().getAgents()).isEqualTo(2);
        assertThat(procedure.getReviews()).extracting(Review::getName).containsExactly("support", "success-rate",
                "determinism", "binding-consistency", "validation", "side-effects");
        assertThat(procedure.getReviews()).allSatisfy(review -> assertThat(review.getPassed()).isTrue());
    }
}
