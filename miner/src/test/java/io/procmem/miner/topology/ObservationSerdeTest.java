package io.procmem.miner.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.AirlineSessions;
import io.procmem.miner.candidates.CandidateExtractor;
import io.procmem.miner.candidates.LearnFrom;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.session.FinishedSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ObservationSerdeTest {
    private static final Serde<Observation> COMPACT = ObservationSerde.serde();
    private static final Serde<Observation> PLAIN = JsonSerde.of(Observation.class);
    private static List<Observation> airline;

    @BeforeAll
    static void extract() throws Exception {
        CandidateExtractor extractor = new CandidateExtractor(2, 6, LearnFrom.ALL, 4096);
        airline = new ArrayList<>();
        for (FinishedSession session : AirlineSessions.read()) {
            airline.addAll(extractor.extract(session));
        }
    }

    @Test
    void shouldGiveBackEveryAirlineObservationExactly() {
        assertThat(airline).hasSizeGreaterThan(500);
        for (Observation observation : airline) {
            assertThat(COMPACT.deserializer().deserialize("t", COMPACT.serializer().serialize("t", observation)))
                    .isEqualTo(observation);
        }
    }

    @Test
    void shouldWriteFarFewerBytesThanTheWholeObservations() {
        long compact = 0;
        long plain = 0;
        for (Observation observation : airline) {
            compact += COMPACT.serializer().serialize("t", observation).length;
            plain += PLAIN.serializer().serialize("t", observation).length;
        }
        assertThat((double) compact / plain).as("compact %d vs plain %d bytes", compact, plain).isLessThan(0.6);
    }

    @Test
    void shouldReadObservationsWrittenInTheEarlierWholeForm() {
        for (Observation observation : airline.subList(0, 50)) {
            assertThat(COMPACT.deserializer().deserialize("t", PLAIN.serializer().serialize("t", observation)))
                    .isEqualTo(observation);
        }
    }

    @Test
    void shouldRefuseATextReferenceOutsideTheTable() {
        String json = "{\"firstStep\":\"a()\",\"sessionId\":\"s\",\"outcome\":\"SUCCESS\",\"firstStepCount\":1,"
                + "\"texts\":[],\"occurrences\":[{\"firstIndex\":0,\"steps\":[],\"resultRefs\":{\"0\":3},"
                + "\"sampleable\":true}]}";
        assertThatThrownBy(() -> COMPACT.deserializer().deserialize("t", json.getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("text reference 3");
    }

    @Test
    void shouldKeepAnEmptyObservation() {
        Observation empty = new Observation("a()", "s", null, null, SessionOutcome.FAILURE, 2, List.of());
        assertThat(COMPACT.deserializer().deserialize("t", COMPACT.serializer().serialize("t", empty))).isEqualTo(empty);
    }
}
