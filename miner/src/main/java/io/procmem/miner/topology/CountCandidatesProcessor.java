package io.procmem.miner.topology;

import io.procmem.avro.CompiledProcedure;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.ProcedureCompiler;
import io.procmem.miner.publish.StateAging;
import io.procmem.miner.publish.StatsStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams wrapper of {@link ProcedureCompiler} over the {@value Names#CANDIDATE_STATS} and
 * {@value Names#SEQUENCE_STATS} stores; forwards each procedure keyed by its id. A stream-time punctuator forgets
 * figures {@link StateAging} lets go. Times are stream time, so replaying the steps topic rebuilds the same state.
 *
 * <p>Known limit: each sweep scans both stores whole.
 */
final class CountCandidatesProcessor implements Processor<String, Observation, String, CompiledProcedure>, StatsStore {
    private static final Logger LOG = LoggerFactory.getLogger(CountCandidatesProcessor.class);

    /** Decoded figures kept per store and task: a few thousand hot candidates of some kilobytes each. */
    static final int CACHED_ENTRIES = 2_000;

    private final ProcedureCompiler compiler;
    private final StateAging aging;
    private final Duration sweepInterval;
    private ProcessorContext<String, CompiledProcedure> context;
    private KeyValueStore<String, CandidateState> candidateStore;
    private KeyValueStore<String, SequenceStats> sequenceStore;
    private DecodedCache<CandidateState> candidates;
    private DecodedCache<SequenceStats> sequences;

    CountCandidatesProcessor(ProcedureCompiler compiler, StateAging aging, Duration sweepInterval) {
        this.compiler = compiler;
        this.aging = aging;
        this.sweepInterval = sweepInterval;
    }

    @Override
    public void init(ProcessorContext<String, CompiledProcedure> context) {
        this.context = context;
        this.candidateStore = context.getStateStore(Names.CANDIDATE_STATS);
        this.sequenceStore = context.getStateStore(Names.SEQUENCE_STATS);
        // Fresh caches on every init, so a revived task never sees values from before its stores were restored.
        this.candidates = new DecodedCache<>(candidateStore, CACHED_ENTRIES);
        this.sequences = new DecodedCache<>(sequenceStore, CACHED_ENTRIES);
        context.schedule(sweepInterval, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, Observation> record) {
        for (CompiledProcedure procedure : compiler.observe(record.value(), this, context.currentStreamTimeMs())) {
            context.forward(new Record<>(procedure.getProcedureId(), procedure, record.timestamp()));
        }
    }

    private void sweep(long nowMs) {
        int forgotten = forget(candidateStore, candidates, (state, now) -> aging.expired(state, now), nowMs)
                + forget(sequenceStore, sequences, (stats, now) -> aging.expired(stats, now), nowMs);
        if (forgotten > 0) {
            LOG.debug("forgot {} rare figures not seen for the candidate TTL (task {})", forgotten, context.taskId());
        }
    }

    private static <V> int forget(KeyValueStore<String, V> store, DecodedCache<V> cache, BiPredicate<V, Long> expired,
                                  long nowMs) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (expired.test(entry.value, nowMs)) {
                    keys.add(entry.key);
                }
            });
        }
        keys.forEach(cache::delete);
        return keys.size();
    }

    @Override
    public CandidateState candidate(String signature) {
        return candidates.get(signature);
    }

    @Override
    public void putCandidate(String signature, CandidateState state) {
        candidates.put(signature, state);
    }

    @Override
    public SequenceStats sequence(String key) {
        return sequences.get(key);
    }

    @Override
    public void putSequence(String key, SequenceStats stats) {
        sequences.put(key, stats);
    }
}
