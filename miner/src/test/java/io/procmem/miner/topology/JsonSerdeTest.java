package io.procmem.miner.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Mining;
import io.procmem.miner.Sessions;
import io.procmem.miner.candidates.CandidateExtractor;
import io.procmem.miner.candidates.LearnFrom;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.session.BufferedStep;
import io.procmem.miner.session.FinishedSession;
import io.procmem.miner.session.SessionBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    @Test
    void shouldRoundTripTheStoredAndRepartitionedValues() {
        SessionBuffer buffer = SessionBuffer.open("s1", 5)
                .withStart(new SessionBuffer.Start("a1", "acme", "find u1", "{\"p\":1}", 1), 6)
                .withStep(new BufferedStep(3, "lookup", "{\"id\":1}", "{\"ok\":true}", false), 7)
                .withEnd(new SessionBuffer.End(SessionOutcome.FAILURE, 4, 9), 10);
        List<FinishedSession> sessions = IntStream.range(0, 6).mapToObj(i -> Sessions.session("s" + i, "agent",
                SessionOutcome.SUCCESS, null, "get_user", "{\"user_id\":\"u" + i + "\"}", "{\"reservations\":[\"r" + i + "\"]}",
                "get_reservation", "{\"reservation_id\":\"r" + i + "\"}", "{}")).toList();
        Observation observation = new CandidateExtractor(2, 6, LearnFrom.ALL, 4096).extract(sessions.get(0)).get(0);
        Mining mining = new Mining(Map.of());
        mining.feed(sessions);
        CandidateState state = mining.store.candidates().values().iterator().next();
        SequenceStats sequence = mining.store.sequences().get(state.stats().sequence());

        assertThat(roundTrip(SessionBuffer.class, buffer)).isEqualTo(buffer);
        assertThat(roundTrip(Observation.class, observation)).isEqualTo(observation);
        assertThat(roundTrip(CandidateState.class, state)).isEqualTo(state);
        assertThat(roundTrip(SequenceStats.class, sequence)).isEqualTo(sequence);
    }

    @Test
    void shouldIgnoreComponentsAddedByALaterVersionAndReadMissingOnesAsNull() {
        byte[] later = "{\"index\":1,\"tool\":\"t\",\"argumentsJson\":\"{}\",\"ok\":true,\"latencyMs\":5}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(JsonSerde.of(BufferedStep.class).deserializer().deserialize("topic", later))
                .isEqualTo(new BufferedStep(1, "t", "{}", null, true));
    }

    @Test
    void shouldWriteSmileAndReadTextualJsonWrittenByEarlierVersions() {
        BufferedStep step = new BufferedStep(2, "lookup", "{\"id\":\"a\\\"b\"}", "{\"ok\":true}", true);
        Serde<BufferedStep> serde = JsonSerde.of(BufferedStep.class);
        byte[] earlier = ("{\"index\":2,\"tool\":\"lookup\",\"argumentsJson\":\"{\\\"id\\\":\\\"a\\\\\\\"b\\\"}\","
                + "\"resultJson\":\"{\\\"ok\\\":true}\",\"ok\":true}").getBytes(StandardCharsets.UTF_8);

        byte[] written = serde.serializer().serialize("t", step);

        assertThat(new String(written, 0, 3, StandardCharsets.US_ASCII)).isEqualTo(":)\n");
        assertThat(serde.deserializer().deserialize("t", earlier)).isEqualTo(step);
    }

    @Test
    void shouldNameTheTypeAndTopicWhenBytesAreNotJson() {
        assertThatThrownBy(() -> JsonSerde.of(Observation.class).deserializer().deserialize("rep", new byte[] {1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Observation").hasMessageContaining("rep");
    }

    private static <T> T roundTrip(Class<T> type, T value) {
        Serde<T> serde = JsonSerde.of(type);
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
