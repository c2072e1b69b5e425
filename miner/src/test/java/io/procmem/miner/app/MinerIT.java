package io.procmem.miner.app;

import static io.procmem.miner.Events.Call.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Events;
import io.procmem.miner.Events.Call;
import io.procmem.miner.publish.ProcedureIds;
import io.procmem.schemas.serde.AvroSerde;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions spread over several partitions of a real topic compile into one procedure on the real topic: a user's
 * details, then each of their reservations, however many they have.
 */
class MinerIT {
    private static final String SIGNATURE = "get_user_details(user_id){user_id=FREE:user_id} > foreach "
            + "get_reservation_details(reservation_id){foreach=$.steps[0].result.reservations; reservation_id=LOOP_ELEMENT:$.item}";

    @TempDir
    Path stateDir;

    @Test
    void shouldCompileARoutineSeenAcrossPartitionsIntoOneProcedure() throws Exception {
        MinerItSupport kafka = new MinerItSupport(stateDir, 3);
        List<AgentEvent> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            events.addAll(Events.session("routine-" + i, "agent-" + (i % 3), SessionOutcome.SUCCESS, userAndReservations(i)));
        }
        try (MinerApp miner = new MinerApp(kafka.config())) {
            miner.start();
            kafka.send(events);

            List<ConsumerRecord<String, CompiledProcedure>> records = kafka.awaitRecords(kafka.procedures,
                    AvroSerde.forValues(CompiledProcedure.class, kafka.registry).deserializer(), 1);

            assertThat(miner.state()).isEqualTo(KafkaStreams.State.RUNNING);
            CompiledProcedure procedure = records.get(0).value();
            assertThat(records.get(0).key()).isEqualTo(ProcedureIds.of(SIGNATURE));
            assertThat(procedure.getName()).isEqualTo("get_user_details > foreach get_reservation_details");
            assertThat(procedure.getSteps().get(1).getForeach()).isEqualTo("$.steps[0].result.reservations");
            assertThat(procedure.getSteps()).extracting(ProcedureStep::getAbstractStep)
                    .containsExactly("get_user_details(user_id)", "get_reservation_details(reservation_id)");
            assertThat(procedure.getSupport().getOccurrences()).isEqualTo(5);
            assertThat(procedure.getSupport().getSessions()).isEqualTo(5);
            assertThat(procedure.getSupport().getAgents()).isEqualTo(3);
        }
    }

    /** User i has i % 3 + 1 reservations and the agent reads each. */
    private static Call[] userAndReservations(int i) {
        List<String> ids = IntStream.range(0, i % 3 + 1).mapToObj(r -> "\"R" + i + r + "\"").toList();
        List<Call> calls = new ArrayList<>();
        calls.add(ok("get_user_details", "{\"user_id\":\"mia_" + i + "\"}", "{\"reservations\":" + ids + "}"));
        ids.forEach(id -> calls.add(ok("get_reservation_details", "{\"reservation_id\":" + id + "}", "{\"status\":\"ok\"}")));
        return calls.toArray(Call[]::new);
    }
}
