package io.procmem.miner.topology;

import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.Sample;
import io.procmem.miner.publish.CandidateState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's candidate states over two stores: {@value Names#CANDIDATE_STATS} holds each state without its sampled
 * occurrences (counts, reviews, emission: rewritten by nearly every session that counts the candidate), and
 * {@value Names#CANDIDATE_SAMPLES} holds the occurrences, written only when the sample changed. Once a candidate's
 * sample is full a new occurrence replaces a slot with falling chance, so a hot candidate's commits write a few
 * hundred bytes instead of its whole sample (some kilobytes of calls and results) to RocksDB and the changelog.
 *
 * <p>Whole states are kept decoded for the {@code capacity} most recently used candidates. A state written before the
 * split (occurrences inline, no sample entry) is read as it is and split on its next write.
 */
final class CandidateStates {
    private final KeyValueStore<String, CandidateState> states;
    private final KeyValueStore<String, StoredSample> samples;
    private final Map<String, CandidateState> recent;
    /** Candidates read in the form from before the split, whose occurrences are not in the samples store yet. */
    private final Set<String> unsplit = new HashSet<>();

    CandidateStates(KeyValueStore<String, CandidateState> states, KeyValueStore<String, StoredSample> samples, int capacity) {
        this.states = states;
        this.samples = samples;
        this.recent = DecodedCache.leastRecentlyUsed(capacity);
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
        Sample sample = state.stats().sample();
        if (before == null || before.stats().sample().changes() != sample.changes() | unsplit.remove(signature)) {
            samples.put(signature, new StoredSample(sample.changes(), sample.occurrences()));
        }
        states.put(signature, withOccurrences(state, List.of()));
        recent.put(signature, state);
    }

    void delete(String signature) {
        unsplit.remove(signature);
        states.delete(signature);
        samples.delete(signature);
        recent.remove(signature);
    }

    private CandidateState read(String signature) {
        CandidateState stored = states.get(signature);
        if (stored == null) {
            return null;
        }
        StoredSample sample = samples.get(signature);
        if (sample == null && !stored.stats().sample().occurrences().isEmpty()) {
            unsplit.add(signature);
        }
        return sample == null ? stored : withOccurrences(stored, sample.occurrences());
    }

    private static CandidateState withOccurrences(CandidateState state, List<Occurrence> occurrences) {
        CandidateStats stats = state.stats();
        Sample sample = stats.sample();
        Sample replaced = new Sample(occurrences, sample.offered(), sample.unsampled(), sample.changes());
        return new CandidateState(new CandidateStats(stats.firstStep(), stats.sequence(), stats.tools(), stats.tally(),
                replaced, stats.freeValues()), state.reviews(), state.emission(), state.reviewed());
    }

    /**
     * The {@value Names#CANDIDATE_SAMPLES} value: a candidate's sampled occurrences (JSON: components are the stored
     * form).
     *
     * @param changes the sample's change count when written
     */
    record StoredSample(long changes, List<Occurrence> occurrences) {
        StoredSample {
            occurrences = List.copyOf(occurrences);
        }
    }
}
