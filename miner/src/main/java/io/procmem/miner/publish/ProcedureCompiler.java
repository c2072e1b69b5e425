package io.procmem.miner.publish;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.review.Reviewer;
import io.procmem.miner.review.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The miner's core after extraction: counts one session's observation of a first step (the step's occurrences, each
 * sequence's, each candidate's), reviews every candidate it touched and returns the procedures to publish.
 *
 * <p>A candidate is published when every review passes: first as version 1, then again when its occurrences have
 * grown by {@code reemitGrowth} since the last emission (a routine seen a million times is re-published about twenty
 * times, not a million), or when its status changes between CANDIDATE and SHADOW. A rejected candidate's reviews
 * stay in its state value and are logged at DEBUG. Known limit: a published procedure that later fails a review is
 * logged at INFO and left as published; retiring it is not automated here.
 */
public final class ProcedureCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(ProcedureCompiler.class);

    private final Reviewer reviewer;
    private final int sampleCap;
    private final double reemitGrowth;

    public ProcedureCompiler(Reviewer reviewer, int sampleCap, double reemitGrowth) {
        if (sampleCap < 1 || reemitGrowth < 1.0) {
            throw new IllegalArgumentException("need sampleCap >= 1 and reemitGrowth >= 1.0; got " + sampleCap + ", " + reemitGrowth);
        }
        this.reviewer = reviewer;
        this.sampleCap = sampleCap;
        this.reemitGrowth = reemitGrowth;
    }

    /** Counts the observation at stream time {@code nowMs} and reviews what it touched; the procedures to publish. */
    public List<CompiledProcedure> observe(Observation observation, StatsStore store, long nowMs) {
        List<CompiledProcedure> procedures = new ArrayList<>();
        for (Counted counted : count(observation, store, nowMs)) {
            review(counted.signature(), store, nowMs).ifPresent(procedures::add);
        }
        return procedures;
    }

    /**
     * Counts the observation at stream time {@code nowMs}: the first step's occurrences, each sequence's and each
     * candidate's figures. Reviews nothing: returns the candidates it counted, in order, for the caller to
     * {@link #review} now or later (a candidate counted many times between two reviews is reviewed once).
     */
    public List<Counted> count(Observation observation, StatsStore store, long nowMs) {
        String firstKey = SequenceStats.firstStepKey(observation.firstStep());
        SequenceStats firstSteps = orNone(store.sequence(firstKey));
        store.putSequence(firstKey, firstSteps.addFirstSteps(observation.firstStepCount(), nowMs));
        // One pass groups the occurrences by sequence and by signature, each in order of first appearance.
        Map<String, List<Occurrence>> bySequence = new LinkedHashMap<>();
        Map<String, List<Occurrence>> bySignature = new LinkedHashMap<>();
        for (Occurrence occurrence : observation.occurrences()) {
            add(bySequence, occurrence.sequence(), occurrence);
            add(bySignature, occurrence.signature(), occurrence);
        }
        for (Map.Entry<String, List<Occurrence>> group : bySequence.entrySet()) {
            String sequence = group.getKey();
            store.putSequence(sequence, orNone(store.sequence(sequence)).add(group.getValue(), nowMs));
        }
        List<Counted> counted = new ArrayList<>(bySignature.size());
        for (Map.Entry<String, List<Occurrence>> group : bySignature.entrySet()) {
            String signature = group.getKey();
            CandidateState stored = store.candidate(signature);
            CandidateState state = stored == null ? CandidateState.none() : stored;
            CandidateStats stats = state.stats().add(observation, group.getValue(), sampleCap, nowMs,
                    firstSteps.occurrences());
            store.putCandidate(signature, state.withStats(stats));
            counted.add(new Counted(signature, reviewer.supportReached(state.stats(), stats)));
        }
        return counted;
    }

    /**
     * A candidate one observation counted.
     *
     * @param supportReached whether this count made it pass the support review: the moment it may first compile,
     *                       when a caller rationing reviews should not make it wait
     */
    public record Counted(String signature, boolean supportReached) {
    }

    /**
     * Reviews one candidate on its figures as they stand at stream time {@code nowMs}, keeps the results in its
     * state and returns the procedure to publish, if any: see the class comment for when that is.
     */
    public Optional<CompiledProcedure> review(String signature, StatsStore store, long nowMs) {
        CandidateState state = store.candidate(signature);
        if (state == null || state.stats().sequence() == null) {
            return Optional.empty();
        }
        CandidateStats stats = state.stats();
        SequenceStats sequence = store.sequence(stats.sequence());
        SequenceStats first = store.sequence(SequenceStats.firstStepKey(stats.firstStep()));
        boolean sameReplay = state.reviewed() != null && state.reviewed().sameReplay(stats.sample());
        Verdict verdict = reviewer.review(stats, sequence, first, sameReplay, state.reviews());
        Emission emission = state.emission();
        CompiledProcedure procedure = null;
        if (verdict.passed()) {
            ProcedureStatus status = verdict.ample() ? ProcedureStatus.SHADOW : ProcedureStatus.CANDIDATE;
            if (emission.version() == 0 || status != emission.status()
                    || stats.tally().occurrences() >= emission.emittedSupport() * reemitGrowth) {
                emission = emission.next(stats.tally().occurrences(), status, nowMs);
                procedure = ProcedureBuilder.build(signature, stats, sequence, verdict, emission, nowMs);
                LOG.info("compiled procedure {} v{} {} '{}' ({} occurrences in {} sessions)", procedure.getProcedureId(),
                        procedure.getVersion(), status, procedure.getName(), stats.tally().occurrences(), stats.tally().sessions());
            }
        } else if (emission.version() > 0 && state.passing()) {
            LOG.info("published candidate '{}' (v{}) no longer passes {}; left as published", signature,
                    emission.version(), verdict.failed());
        } else {
            LOG.debug("candidate '{}' rejected by {}: {}", signature, verdict.failed(), verdict.reviews());
        }
        store.putCandidate(signature, new CandidateState(stats, verdict.reviews(), emission,
                CandidateState.Reviewed.of(stats.sample())));
        return Optional.ofNullable(procedure);
    }

    private static SequenceStats orNone(SequenceStats stats) {
        return stats == null ? SequenceStats.none() : stats;
    }

    private static void add(Map<String, List<Occurrence>> groups, String key, Occurrence occurrence) {
        groups.computeIfAbsent(key, k -> new ArrayList<>(2)).add(occurrence);
    }
}
