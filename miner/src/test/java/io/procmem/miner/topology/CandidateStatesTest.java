package io.procmem.miner.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.Sample;
import io.procmem.miner.candidates.Tally;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.Emission;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CandidateStatesTest {
    private KeyValueStore<String, CandidateState> states;
    private KeyValueStore<String, CandidateStates.StoredSample> samples;

    @BeforeEach
    void open() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        states = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("states"), Serdes.String(),
                JsonSerde.of(CandidateState.class)).withLoggingDisabled().build();
        samples = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("samples"), Serdes.String(),
                JsonSerde.of(CandidateStates.StoredSample.class)).withLoggingDisabled().build();
        states.init(context.getStateStoreContext(), states);
        samples.init(context.getStateStoreContext(), samples);
    }

    @Test
    void shouldKeepOccurrencesApartAndGiveTheWholeStateBack() {
        CandidateState state = state(5, sample(2));
        new CandidateStates(states, samples, 10).put("c", state);

        assertThat(states.get("c").stats().sample().occurrences()).as("figures without occurrences").isEmpty();
        assertThat(states.get("c").stats().sample().changes()).isEqualTo(2);
        assertThat(samples.get("c").occurrences()).hasSize(2);
        assertThat(new CandidateStates(states, samples, 10).get("c")).as("read back from the stores").isEqualTo(state);
    }

    @Test
    void shouldWriteTheSampleOnlyWhenItChanged() {
        CandidateStates candidates = new CandidateStates(states, samples, 10);
        candidates.put("c", state(5, sample(2)));
        CandidateStates.StoredSample marker = new CandidateStates.StoredSample(99, List.of());
        samples.put("c", marker);

        candidates.put("c", state(6, sample(2)));
        assertThat(samples.get("c")).as("same sample: not rewritten").isEqualTo(marker);
        assertThat(states.get("c").stats().tally().occurrences()).isEqualTo(6);

        candidates.put("c", state(7, sample(3)));
        assertThat(samples.get("c").occurrences()).hasSize(3);
    }

    @Test
    void shouldSplitAStateWrittenWithItsOccurrencesInline() {
        CandidateState whole = state(5, sample(2));
        states.put("old", whole);
        CandidateStates candidates = new CandidateStates(states, samples, 10);

        assertThat(candidates.get("old")).isEqualTo(whole);
        candidates.put("old", state(6, sample(2)));

        assertThat(samples.get("old").occurrences()).hasSize(2);
        assertThat(states.get("old").stats().sample().occurrences()).isEmpty();
        assertThat(new CandidateStates(states, samples, 10).get("old")).isEqualTo(state(6, sample(2)));
    }

    @Test
    void shouldDeleteBoth() {
        CandidateStates candidates = new CandidateStates(states, samples, 10);
        candidates.put("c", state(5, sample(2)));

        candidates.delete("c");

        assertThat(states.get("c")).isNull();
        assertThat(samples.get("c")).isNull();
        assertThat(candidates.get("c")).isNull();
    }

    private static Sample sample(int occurrences) {
        List<Occurrence> kept = java.util.stream.IntStream.range(0, occurrences)
                .mapToObj(i -> new Occurrence("s-" + i, i, List.of(), Map.of(0, "{\"id\":" + i + "}"), null, true)).toList();
        return new Sample(kept, occurrences, 0, occurrences);
    }

    private static CandidateState state(long occurrences, Sample sample) {
        Tally tally = new Tally(occurrences, occurrences, java.util.Set.of("a"), occurrences, 0, 0L, 0L, "acme");
        return new CandidateState(new CandidateStats("a()", "a() > b()", List.of("a", "b"), tally, sample, Map.of()),
                List.of(), Emission.none(), null);
    }
}
