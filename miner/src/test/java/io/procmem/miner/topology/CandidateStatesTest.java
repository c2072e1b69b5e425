package io.procmem.miner.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.Sample;
import io.procmem.miner.candidates.Tally;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.Emission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CandidateStatesTest {
    private static final int CAP = 20;

    private KeyValueStore<String, CandidateState> states;
    /** The slots as the miner holds them (write-back over a serializing store), with every write recorded. */
    private RecordingStore<Occurrence> slots;
    private WriteBackStore<Occurrence> slotsWriteBack;
    private RecordingStore<CandidateStates.StoredSample> legacy;

    @BeforeEach
    void open() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        states = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("states"), Serdes.String(),
                JsonSerde.of(CandidateState.class)).withLoggingDisabled().build();
        slotsWriteBack = WriteBackStore.builder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("slots"),
                Serdes.String(), JsonSerde.of(Occurrence.class)).withLoggingDisabled()).build();
        slots = new RecordingStore<>(slotsWriteBack);
        legacy = new RecordingStore<>(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("samples"), Serdes.String(),
                JsonSerde.of(CandidateStates.StoredSample.class)).withLoggingDisabled().build());
        states.init(context.getStateStoreContext(), states);
        slots.init(context.getStateStoreContext(), slots);
        legacy.init(context.getStateStoreContext(), legacy);
    }

    private CandidateStates candidates() {
        return new CandidateStates(states, slots, legacy, 10);
    }

    /** What a commit does: the pending slots are serialized into the wrapped store. */
    private void commit() {
        slotsWriteBack.flushCache();
    }

    @Test
    void shouldKeepOccurrencesApartAndGiveTheWholeStateBack() {
        CandidateState state = state(5, sample(2));
        candidates().put("c", state);
        commit();

        assertThat(states.get("c").stats().sample().occurrences()).as("figures without occurrences").isEmpty();
        assertThat(states.get("c").stats().sample().changes()).isEqualTo(2);
        assertThat(keys(slots)).containsExactly("c\u00000000", "c\u00000001");
        assertThat(slots.get("c\u00000001")).isEqualTo(sample(2).occurrences().get(1));
        assertThat(candidates().get("c")).as("read back from the stores").isEqualTo(state);
    }

    @Test
    void shouldWriteNoSlotWhenTheSampleIsUnchanged() {
        CandidateStates candidates = candidates();
        candidates.put("c", state(5, sample(2)));
        slots.clearRecords();

        candidates.put("c", state(6, sample(2)));

        assertThat(slots.puts).as("equal sample, other objects: compared by value").isEmpty();
        assertThat(states.get("c").stats().tally().occurrences()).isEqualTo(6);
    }

    @Test
    void shouldWriteOnlyTheAddedSlotWhileTheSampleFills() {
        CandidateStates candidates = candidates();
        Sample three = sample(3);
        candidates.put("c", state(3, three));
        commit();
        slots.clearRecords();

        CandidateStates reread = candidates();
        Sample four = reread.get("c").stats().sample().offer(occurrence(3), CAP);
        reread.put("c", state(4, four));

        assertThat(slots.puts).containsExactly("c\u00000003");
        assertThat(slots.deletes).isEmpty();
        assertThat(candidates().get("c").stats().sample().occurrences()).hasSize(4);
    }

    @Test
    void shouldWriteOnlyTheReplacedSlotOnceTheSampleIsFull() {
        candidates().put("c", state(CAP, sample(CAP)));
        commit();
        slots.clearRecords();

        // A fresh view decodes the slots from the store, as after an eviction or a restart.
        CandidateStates candidates = candidates();
        Sample before = candidates.get("c").stats().sample();
        Sample offered = before;
        int next = CAP;
        while (offered.changes() == before.changes()) {
            offered = offered.offer(occurrence(next++), CAP);
        }
        Sample after = offered;
        List<Integer> replaced = IntStream.range(0, CAP)
                .filter(i -> !before.occurrences().get(i).equals(after.occurrences().get(i))).boxed().toList();
        assertThat(replaced).as("one slot replaced").hasSize(1);
        candidates.put("c", state(next, after));

        assertThat(slots.puts).containsExactly(CandidateStates.slotKey("c", replaced.get(0)));
        assertThat(slots.deletes).isEmpty();
        commit();
        assertThat(candidates().get("c").stats().sample()).isEqualTo(after);
    }

    @Test
    void shouldReadMoreThanTenSlotsInSlotOrder() {
        CandidateStates candidates = candidates();
        Sample six = sample(6);
        candidates.put("c", state(6, six));
        commit();
        Sample twelve = six;
        for (int i = 6; i < 12; i++) {
            twelve = twelve.offer(occurrence(i), CAP);
        }
        // Slots 0-5 stored, 6-11 still pending: the range merges both.
        candidates.put("c", state(12, twelve));

        assertThat(keys(slots)).as("'0010' after '0009'").containsSubsequence("c\u00000009", "c\u00000010", "c\u00000011");
        assertThat(candidates().get("c").stats().sample().occurrences()).isEqualTo(twelve.occurrences());
        commit();
        assertThat(candidates().get("c").stats().sample().occurrences()).isEqualTo(twelve.occurrences());
    }

    @Test
    void shouldDeleteTheSlotsBeyondAShrunkSample() {
        CandidateStates candidates = candidates();
        candidates.put("c", state(5, sample(5)));
        slots.clearRecords();

        candidates.put("c", state(5, sample(3)));

        assertThat(slots.puts).isEmpty();
        assertThat(slots.deletes).containsExactly("c\u00000003", "c\u00000004");
        assertThat(candidates().get("c").stats().sample().occurrences()).isEqualTo(sample(3).occurrences());
    }

    @Test
    void shouldDeleteTheFiguresAndEverySlot() {
        CandidateStates candidates = candidates();
        candidates.put("c", state(5, sample(6)));
        commit();
        candidates.put("c", state(12, sample(12)));

        candidates.delete("c");

        assertThat(states.get("c")).isNull();
        assertThat(keys(slots)).isEmpty();
        assertThat(candidates.get("c")).isNull();
        assertThat(candidates().get("c")).isNull();
    }

    @Test
    void shouldKeepTheSlotsOfSignaturesThatStartWithAnother() {
        CandidateStates candidates = candidates();
        // "a\u0000x" starts with a's range prefix: nothing keeps the separator out of tool names.
        List<String> signatures = List.of("a", "a b", "a\u0000x", "a\u00000001", "ab");
        for (int i = 0; i < signatures.size(); i++) {
            candidates.put(signatures.get(i), state(3 + i, sample(3 + i)));
        }
        commit();

        CandidateStates reread = candidates();
        for (int i = 0; i < signatures.size(); i++) {
            assertThat(reread.get(signatures.get(i))).as(signatures.get(i)).isEqualTo(state(3 + i, sample(3 + i)));
        }

        reread.delete("a");

        assertThat(candidates().get("a")).isNull();
        for (int i = 1; i < signatures.size(); i++) {
            assertThat(candidates().get(signatures.get(i))).as(signatures.get(i)).isEqualTo(state(3 + i, sample(3 + i)));
        }
        assertThat(keys(slots)).doesNotContain(CandidateStates.slotKey("a", 0), CandidateStates.slotKey("a", 1),
                CandidateStates.slotKey("a", 2));
    }

    @Test
    void shouldSplitAStateWrittenWithItsOccurrencesInline() {
        CandidateState whole = state(5, sample(2));
        states.put("old", whole);
        CandidateStates candidates = candidates();

        assertThat(candidates.get("old")).isEqualTo(whole);
        candidates.put("old", state(6, sample(2)));

        assertThat(keys(slots)).containsExactly("old\u00000000", "old\u00000001");
        assertThat(states.get("old").stats().sample().occurrences()).isEmpty();
        assertThat(candidates().get("old")).isEqualTo(state(6, sample(2)));
    }

    @Test
    void shouldMoveAWholeSampleOfTheLegacyStoreToSlots() {
        states.put("old", state(5, new Sample(List.of(), 2, 0, 2)));
        legacy.put("old", new CandidateStates.StoredSample(2, sample(2).occurrences()));
        CandidateStates candidates = candidates();

        assertThat(candidates.get("old")).isEqualTo(state(5, sample(2)));
        candidates.put("old", state(6, sample(2)));

        assertThat(keys(slots)).containsExactly("old\u00000000", "old\u00000001");
        assertThat(legacy.get("old")).as("moved").isNull();
        assertThat(states.get("old").stats().sample().occurrences()).isEmpty();
        assertThat(candidates().get("old")).isEqualTo(state(6, sample(2)));
    }

    @Test
    void shouldDeleteALegacySampleWithItsCandidate() {
        states.put("old", state(5, new Sample(List.of(), 2, 0, 2)));
        legacy.put("old", new CandidateStates.StoredSample(2, sample(2).occurrences()));

        candidates().delete("old");

        assertThat(legacy.get("old")).isNull();
        assertThat(states.get("old")).isNull();
    }

    @Test
    void shouldNotReadTheLegacyStoreForCandidatesWrittenAsSlots() {
        legacy.put("other", new CandidateStates.StoredSample(2, sample(2).occurrences()));
        candidates().put("c", state(2, sample(2)));
        candidates().put("unsampled", state(2, new Sample(List.of(), 0, 2, 0)));
        legacy.clearRecords();

        CandidateStates candidates = candidates();
        assertThat(candidates.get("c")).isEqualTo(state(2, sample(2)));
        assertThat(candidates.get("unsampled")).isEqualTo(state(2, new Sample(List.of(), 0, 2, 0)));
        assertThat(candidates.get("new")).isNull();
        candidates.put("new", state(1, sample(1)));
        candidates.put("c", state(3, sample(3)));

        assertThat(legacy.gets).isZero();
        assertThat(legacy.puts).isEmpty();
        assertThat(legacy.deletes).isEmpty();
    }

    @Test
    void shouldPadSlotNumbersToFourDigits() {
        assertThat(CandidateStates.slotKey("c", 0)).isEqualTo("c\u00000000");
        assertThat(CandidateStates.slotKey("c", 999)).isEqualTo("c\u00000999");
        assertThat(WriteBackStore.KEY_ORDER.compare(CandidateStates.slotKey("c", 9), CandidateStates.slotKey("c", 10)))
                .isNegative();
    }

    private static List<String> keys(KeyValueStore<String, ?> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ?> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private static Occurrence occurrence(int i) {
        return new Occurrence("s-" + i, i, List.of(), Map.of(0, "{\"id\":" + i + "}"), null, true);
    }

    private static Sample sample(int occurrences) {
        List<Occurrence> kept = IntStream.range(0, occurrences).mapToObj(CandidateStatesTest::occurrence).toList();
        return new Sample(kept, occurrences, 0, occurrences);
    }

    private static CandidateState state(long occurrences, Sample sample) {
        Tally tally = new Tally(occurrences, occurrences, java.util.Set.of("a"), occurrences, 0, 0L, 0L, "acme", 0);
        return new CandidateState(new CandidateStats("a()", "a() > b()", List.of("a", "b"), tally, sample, Map.of()),
                List.of(), Emission.none(), null);
    }

    /** A store that records the keys written and deleted through it, and counts its key and range reads. */
    private static final class RecordingStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
            implements KeyValueStore<String, V> {
        final List<String> puts = new ArrayList<>();
        final List<String> deletes = new ArrayList<>();
        int gets;

        RecordingStore(KeyValueStore<String, V> inner) {
            super(inner);
        }

        void clearRecords() {
            puts.clear();
            deletes.clear();
            gets = 0;
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            wrapped().init(context, root);
        }

        @Override
        public void put(String key, V value) {
            puts.add(key);
            wrapped().put(key, value);
        }

        @Override
        public V putIfAbsent(String key, V value) {
            puts.add(key);
            return wrapped().putIfAbsent(key, value);
        }

        @Override
        public void putAll(List<KeyValue<String, V>> entries) {
            entries.forEach(entry -> put(entry.key, entry.value));
        }

        @Override
        public V delete(String key) {
            deletes.add(key);
            return wrapped().delete(key);
        }

        @Override
        public V get(String key) {
            gets++;
            return wrapped().get(key);
        }

        @Override
        public KeyValueIterator<String, V> range(String from, String to) {
            gets++;
            return wrapped().range(from, to);
        }

        /** Not counted: a view checks once, when it is made, whether the store holds anything. */
        @Override
        public KeyValueIterator<String, V> all() {
            return wrapped().all();
        }

        @Override
        public long approximateNumEntries() {
            return wrapped().approximateNumEntries();
        }
    }
}
