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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
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
 * {@value Names#CANDIDATE_SAMPLE_SLOTS} stores (figures, and sampled occurrences one slot per key; the legacy
 * {@value Names#CANDIDATE_SAMPLES} store is only read to migrate: see {@link CandidateStates}) and the
 * {@value Names#SEQUENCE_STATS} store; forwards each procedure keyed by its id. A sweep forgets figures
 * {@link StateAging} lets go (expired or rare), with their sample slots: every {@code sweepInterval} of stream time,
 * and every {@value #SWEEP_EVERY_OBSERVATIONS} observations the task counts. Times are stream time, so replaying the
 * steps topic rebuilds the same state.
 *
 * <p>Every observation is counted at once; reviews are rationed per candidate: one not reviewed within the review
 * interval (wall clock), or whose count just reached the support thresholds, is reviewed right after it is counted;
 * one reviewed more recently is put in {@value Names#PENDING_REVIEWS} and reviewed on the next tick of that interval.
 * A new routine thus compiles as soon as it has the support, while a candidate counted by thousands of sessions a second is reviewed about once per
 * interval instead of once per session (reviews infer the routine and replay the sample: most of the miner's CPU).
 * The pending set is a store so that a candidate counted in one transaction and reviewed in a later one is still
 * reviewed after a crash between the two: {@link #init} reloads it.
 *
 * <p>Known limit: each sweep scans both figure stores whole, and each candidate it forgets costs a range scan of its
 * sample slots.
 */
final class CountCandidatesProcessor implements Processor<String, Observation, String, CompiledProcedure>, StatsStore {
    private static final Logger LOG = LoggerFactory.getLogger(CountCandidatesProcessor.class);

    /** Decoded figures kept per store and task: a few thousand hot candidates of some kilobytes each. */
    static final int CACHED_ENTRIES = 2_000;
    /**
     * Observations a task counts between two sweeps whatever its stream time does. A backlog (a bench's pre-loaded
     * topic, a replay after a reset) carries hours of sessions in seconds of record time, and stream-time sweeps
     * alone would let its rare candidates pile up until the backlog ends; a sweep scans the task's figures once.
     */
    static final int SWEEP_EVERY_OBSERVATIONS = 5_000;

    private final ProcedureCompiler compiler;
    private final StateAging aging;
    private final Duration sweepInterval;
    private final Duration reviewInterval;
    /** Wall-clock time of each candidate's last review, for those reviewed within the review interval. */
    private final Map<String, Long> reviewedAt = new HashMap<>();
    /** The pending store's keys, in the order they were added. */
    private final Set<String> pending = new LinkedHashSet<>();
    private ProcessorContext<String, CompiledProcedure> context;
    private KeyValueStore<String, CandidateState> candidateStore;
    private KeyValueStore<String, SequenceStats> sequenceStore;
    private KeyValueStore<String, Long> pendingStore;
    private CandidateStates candidates;
    private DecodedCache<SequenceStats> sequences;
    private int countedSinceSweep;

    CountCandidatesProcessor(ProcedureCompiler compiler, StateAging aging, Duration sweepInterval, Duration reviewInterval) {
        this.compiler = compiler;
        this.aging = aging;
        this.sweepInterval = sweepInterval;
        this.reviewInterval = reviewInterval;
    }

    @Override
    public void init(ProcessorContext<String, CompiledProcedure> context) {
        this.context = context;
        this.candidateStore = context.getStateStore(Names.CANDIDATE_STATS);
        this.sequenceStore = context.getStateStore(Names.SEQUENCE_STATS);
        this.pendingStore = context.getStateStore(Names.PENDING_REVIEWS);
        // Fresh caches on every init, so a revived task never sees values from before its stores were restored.
        this.candidates = new CandidateStates(candidateStore, context.getStateStore(Names.CANDIDATE_SAMPLE_SLOTS),
                context.getStateStore(Names.CANDIDATE_SAMPLES), CACHED_ENTRIES);
        this.sequences = new DecodedCache<>(sequenceStore, CACHED_ENTRIES);
        reviewedAt.clear();
        pending.clear();
        countedSinceSweep = 0;
        try (KeyValueIterator<String, Long> all = pendingStore.all()) {
            all.forEachRemaining(entry -> pending.add(entry.key));
        }
        context.schedule(sweepInterval, PunctuationType.STREAM_TIME, this::sweep);
        if (!reviewInterval.isZero()) {
            context.schedule(reviewInterval, PunctuationType.WALL_CLOCK_TIME, this::reviewPending);
        }
    }

    @Override
    public void process(Record<String, Observation> record) {
        if (++countedSinceSweep >= SWEEP_EVERY_OBSERVATIONS) {
            sweep(context.currentStreamTimeMs());
        }
        long now = context.currentSystemTimeMs();
        for (ProcedureCompiler.Counted counted : compiler.count(record.value(), this, context.currentStreamTimeMs())) {
            String signature = counted.signature();
            Long last = reviewedAt.get(signature);
            if (last == null || now - last >= reviewInterval.toMillis() || counted.supportReached()) {
                review(signature, now, record.timestamp());
            } else if (pending.add(signature)) {
                pendingStore.put(signature, now);
            }
        }
    }

    private void reviewPending(long now) {
        List<String> due = new ArrayList<>(pending);
        long timestamp = Math.max(0, context.currentStreamTimeMs());
        for (String signature : due) {
            review(signature, now, timestamp);
        }
        reviewedAt.values().removeIf(at -> now - at >= reviewInterval.toMillis());
    }

    private void review(String signature, long now, long timestamp) {
        compiler.review(signature, this, context.currentStreamTimeMs()).ifPresent(procedure ->
                context.forward(new Record<>(procedure.getProcedureId(), procedure, timestamp)));
        if (!reviewInterval.isZero()) {
            reviewedAt.put(signature, now);
        }
        if (pending.remove(signature)) {
            pendingStore.delete(signature);
        }
    }

    private void sweep(long nowMs) {
        countedSinceSweep = 0;
        int forgotten = forget(candidateStore, candidates::delete, (state, now) -> aging.expired(state, now)
                || aging.rare(state, sequences.get(SequenceStats.firstStepKey(state.stats().firstStep()))), nowMs)
                + forget(sequenceStore, sequences::delete, (stats, now) -> aging.expired(stats, now), nowMs);
        if (forgotten > 0) {
            LOG.debug("forgot {} figures, rare or unseen for the candidate TTL (task {})", forgotten, context.taskId());
        }
    }

    private static <V> int forget(KeyValueStore<String, V> store, Consumer<String> delete, BiPredicate<V, Long> expired,
                                  long nowMs) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (expired.test(entry.value, nowMs)) {
                    keys.add(entry.key);
                }
            });
        }
        keys.forEach(delete);
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
