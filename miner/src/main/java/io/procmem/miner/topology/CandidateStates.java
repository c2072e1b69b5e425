package io.procmem.miner.topology;

import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.Sample;
import io.procmem.miner.publish.CandidateState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's candidate states over two stores: {@value Names#CANDIDATE_STATS} holds each state without its sampled
 * occurrences (counts, reviews, emission: rewritten by nearly every session that counts the candidate), and
 * {@value Names#CANDIDATE_SAMPLE_SLOTS} holds the occurrences one slot per key ({@link #slotKey}), each written only
 * when that slot changed. While a sample fills, a new occurrence writes one new slot; once it is full, a new
 * occurrence replaces a slot with falling chance and writes that slot alone. A hot candidate's commits thus write a
 * few hundred bytes of figures and at most the slots that changed, instead of its whole sample (some kilobytes of
 * calls and results), to RocksDB and the changelog.
 *
 * <p>Slot keys are the signature, {@code '\u0000'} and the slot number in four digits, so one candidate's slots are
 * one key range in slot order (the stores order keys by their UTF-8 bytes, where {@code '\u0000'} is the byte 0 and
 * the digits sort as numbers). Signatures are built from tool and argument names and result paths that nothing
 * restricts, so a signature may itself contain {@code '\u0000'}; the fixed-width suffix keeps keys unique anyway
 * (a key minus its last five characters is its signature), and a range scan skips the keys of a longer signature
 * that starts with this one and {@code '\u0000'} by their length.
 *
 * <p>Whole states are kept decoded for the {@code capacity} most recently used candidates. Two older forms are read
 * and rewritten as slots on the candidate's next write: a state from before the sample was split off (occurrences
 * inline in the figures), and a whole sample in the {@value Names#CANDIDATE_SAMPLES} store, read only for a candidate
 * with no slots whose figures say it sampled something, and only while that store held entries when this was made.
 */
final class CandidateStates {
    /** Between a signature and its slot number in a slot key: the lowest character, so slots sort right after it. */
    static final char SLOT_SEPARATOR = '\u0000';
    /** Digits of the slot number: the sample size is at most 1000 ({@code miner.sample.size}). */
    static final int SLOT_DIGITS = 4;
    private static final int MAX_SLOTS = 10_000;

    private final KeyValueStore<String, CandidateState> states;
    private final KeyValueStore<String, Occurrence> slots;
    private final KeyValueStore<String, StoredSample> legacy;
    /** Whether the legacy store held anything when this was made; nothing writes to it since. */
    private final boolean legacyPresent;
    private final Map<String, CandidateState> recent;
    /** Candidates read in an older form, whose occurrences are not in the slots store yet. */
    private final Set<String> unsplit = new HashSet<>();
    /** Candidates read from the legacy store, whose entry there goes once their slots are written. */
    private final Set<String> legacySampled = new HashSet<>();

    CandidateStates(KeyValueStore<String, CandidateState> states, KeyValueStore<String, Occurrence> slots,
                    KeyValueStore<String, StoredSample> legacy, int capacity) {
        this.states = states;
        this.slots = slots;
        this.legacy = legacy;
        try (KeyValueIterator<String, StoredSample> any = legacy.all()) {
            this.legacyPresent = any.hasNext();
        }
        this.recent = LeastRecentlyUsed.map(capacity);
    }

    /** The whole state, or null when there is none. */
    CandidateState get(String signature) {
        CandidateState state = recent.get(signature);
        if (state == null) {
            state = read(signature);
            if (state != null) {
                recent.put(signature, state);
            }
        }
        return state;
    }

    void put(String signature, CandidateState state) {
        CandidateState before = get(signature);
        boolean migrating = unsplit.remove(signature);
        List<Occurrence> stored = before == null || migrating ? List.of() : before.stats().sample().occurrences();
        List<Occurrence> occurrences = state.stats().sample().occurrences();
        for (int slot = 0; slot < occurrences.size(); slot++) {
            Occurrence occurrence = occurrences.get(slot);
            if (slot >= stored.size() || !same(stored.get(slot), occurrence)) {
                slots.put(slotKey(signature, slot), occurrence);
            }
        }
        for (int slot = occurrences.size(); slot < stored.size(); slot++) {
            slots.delete(slotKey(signature, slot));
        }
        if (legacySampled.remove(signature)) {
            legacy.delete(signature);
        }
        states.put(signature, withOccurrences(state, List.of()));
        recent.put(signature, state);
    }

    void delete(String signature) {
        unsplit.remove(signature);
        legacySampled.remove(signature);
        states.delete(signature);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Occurrence> range = slotRange(signature)) {
            range.forEachRemaining(entry -> {
                if (isSlotOf(signature, entry.key)) {
                    keys.add(entry.key);
                }
            });
        }
        keys.forEach(slots::delete);
        if (keys.isEmpty() && legacyPresent && legacy.get(signature) != null) {
            legacy.delete(signature);
        }
        recent.remove(signature);
    }

    /** The key of a candidate's sample slot: signature, {@value #SLOT_SEPARATOR}, slot number in four digits. */
    static String slotKey(String signature, int slot) {
        if (slot < 0 || slot >= MAX_SLOTS) {
            throw new IllegalArgumentException("sample slot " + slot + " outside 0.." + (MAX_SLOTS - 1));
        }
        StringBuilder key = new StringBuilder(signature.length() + 1 + SLOT_DIGITS).append(signature).append(SLOT_SEPARATOR);
        String digits = Integer.toString(slot);
        for (int pad = digits.length(); pad < SLOT_DIGITS; pad++) {
            key.append('0');
        }
        return key.append(digits).toString();
    }

    private CandidateState read(String signature) {
        CandidateState stored = states.get(signature);
        if (stored == null) {
            return null;
        }
        List<Occurrence> sampled = new ArrayList<>();
        try (KeyValueIterator<String, Occurrence> range = slotRange(signature)) {
            while (range.hasNext()) {
                KeyValue<String, Occurrence> entry = range.next();
                if (isSlotOf(signature, entry.key)) {
                    sampled.add(entry.value);
                }
            }
        }
        if (!sampled.isEmpty()) {
            return withOccurrences(stored, sampled);
        }
        Sample sample = stored.stats().sample();
        if (!sample.occurrences().isEmpty()) {
            unsplit.add(signature);
            return stored;
        }
        if (sample.offered() > 0 && legacyPresent) {
            StoredSample whole = legacy.get(signature);
            if (whole != null) {
                unsplit.add(signature);
                legacySampled.add(signature);
                return withOccurrences(stored, whole.occurrences());
            }
        }
        return stored;
    }

    /** The keys from the signature's first possible slot key to just past its last one, in slot order. */
    private KeyValueIterator<String, Occurrence> slotRange(String signature) {
        return slots.range(signature + SLOT_SEPARATOR, signature + (char) (SLOT_SEPARATOR + 1));
    }

    /**
     * Whether a key of the signature's range is one of its slots rather than a slot of a longer signature that starts
     * with it and the separator (possible: nothing keeps {@code '\u0000'} out of tool names).
     */
    private static boolean isSlotOf(String signature, String key) {
        return key.length() == signature.length() + 1 + SLOT_DIGITS;
    }

    /** Sample.offer keeps unchanged slots as the same objects, so identity settles nearly every comparison. */
    private static boolean same(Occurrence stored, Occurrence occurrence) {
        return stored == occurrence || stored.equals(occurrence);
    }

    private static CandidateState withOccurrences(CandidateState state, List<Occurrence> occurrences) {
        CandidateStats stats = state.stats();
        Sample sample = stats.sample();
        Sample replaced = new Sample(occurrences, sample.offered(), sample.unsampled(), sample.changes());
        return new CandidateState(new CandidateStats(stats.firstStep(), stats.sequence(), stats.tools(), stats.tally(),
                replaced, stats.freeValues()), state.reviews(), state.emission(), state.reviewed());
    }

    /**
     * The value of the legacy {@value Names#CANDIDATE_SAMPLES} store: a candidate's whole sample, as the miner wrote it
     * before slots had keys of their own (JSON: components are the stored form). Only read, to migrate.
     *
     * @param changes the sample's change count when written
     */
    record StoredSample(long changes, List<Occurrence> occurrences) {
        StoredSample {
            occurrences = List.copyOf(occurrences);
        }
    }
}
