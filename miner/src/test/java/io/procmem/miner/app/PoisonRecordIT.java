package io.procmem.miner.app;

import static io.procmem.miner.Events.Call.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.DeadLetter;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Events;
import io.procmem.miner.Events.Call;
import io.procmem.miner.publish.ProcedureIds;
import io.procmem.schemas.dlq.DeadLetters;
import io.procmem.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record that is not an AgentEvent must reach the DLQ and must not stop the miner. */
class PoisonRecordIT {
    private static final Call[] CALLS = {ok("search_flights", "{\"from\":\"SFO\",\"to\":\"JFK\"}", "{\"best\":\"F1\"}"),
            ok("get_flight", "{\"flight_id\":\"F1\"}", "{\"seats\":3}")};

    @TempDir
    Path stateDir;

    @Test
    void shouldDeadLetterGarbageBytesAndStillCompileTheFollowingSessions() throws Exception {
        MinerItSupport kafka = new MinerItSupport(stateDir, 1);
        byte[] garbage = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x42};
        try (MinerApp miner = new MinerApp(kafka.config())) {
            miner.start();
            kafka.sendRaw("poison", garbage);
            for (int i = 1; i <= 5; i++) {
                kafka.send(Events.session("poison-session-" + i, "agent-" + i, SessionOutcome.SUCCESS, CALLS));
            }

            List<ConsumerRecord<String, DeadLetter>> letters = kafka.awaitRecords(kafka.dlq,
                    AvroSerde.forValues(DeadLetter.class, kafka.registry).deserializer(), 1);
            List<ConsumerRecord<String, CompiledProcedure>> procedures = kafka.awaitRecords(kafka.procedures,
                    AvroSerde.forValues(CompiledProcedure.class, kafka.registry).deserializer(), 1);

            ConsumerRecord<String, DeadLetter> letter = letters.get(0);
            assertThat(letter.key()).isEqualTo("poison");
            assertThat(new String(letter.headers().lastHeader(DeadLetters.HEADER_STAGE).value(), StandardCharsets.UTF_8))
                    .isEqualTo("decode");
            assertThat(letter.value().getSource()).isEqualTo(kafka.steps);
            assertThat(letter.value().getOffset()).isEqualTo(0L);
            assertThat(letter.value().getOriginalValue().array()).isEqualTo(garbage);
            assertThat(procedures.get(0).key())
                    .isEqualTo(ProcedureIds.of("search_flights(from,to){from=FREE:from; to=FREE:to} > "
                            + "get_flight(flight_id){flight_id=STEP_RESULT:$.steps[0].result.best}"));
        }
    }
}
