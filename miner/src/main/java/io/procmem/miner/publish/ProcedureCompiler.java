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
import java.util.function.Function;
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

    /** Counts the observation at stream time {@code nowMs}; returns the procedures to publish, possibly none. */
    public List<CompiledProcedure> observe(Observation observation, StatsStore store, long nowMs) {
        String firstKey = SequenceStats.firstStepKey(observation.firstStep());
        SequenceStats first = orNone(store.sequence(firstKey)).addFirstSteps(observation.firstStepCount(), nowMs);
        store.putSequence(firstKey, first);
        group(observation.occurrences(), Occurrence::sequence)
                .forEach((sequence, occurrences) -> store.putSequence(sequence, orNone(store.sequence(sequence)).add(occurrences, nowMs)));
        List<CompiledProcedure> procedures = new ArrayList<>();
        group(observation.occurrences(), Occurrence::signature).forEach((signature, occurrences) -> {
            CandidateState stored = store.candidate(signature);
            CandidateState state = stored == null ? CandidateState.none() : stored;
            CandidateStats stats = state.stats().add(observation, occurrences, sampleCap, nowMs);
            SequenceStats sequence = store.sequence(stats.sequence());
            Verdict verdict = reviewer.review(stats, sequence, first, stored == null ? null : stored.stats(), state.reviews());
            Emission emission = state.emission();
            if (verdict.passed()) {
                ProcedureStatus status = verdict.ample() ? ProcedureStatus.SHADOW : ProcedureStatus.CANDIDATE;
                if (emission.version() == 0 || status != emission.status()
                        || stats.tally().occurrences() >= emission.emittedSupport() * reemitGrowth) {
                    emission = emission.next(stats.tally().occurrences(), status, nowMs);
                    CompiledProcedure procedure = ProcedureBuilder.build(signature, stats, sequence, verdict, emission, nowMs);
                    LOG.info("compiled procedure {} v{} {} '{}' ({} occurrences in {} sessions)", procedure.getProcedureId(),
                            procedure.getVersion(), status, procedure.getName(), stats.tally().occurrences(), stats.tally().sessions());
                    procedures.add(procedure);
                }
            } else if (emission.version() > 0 && state.passing()) {
                LOG.info("published candidate '{}' (v{}) no longer passes {}; left as published", signature,
                        emission.version(), verdict.failed());
            } else {
                LOG.debug("candidate '{}' rejected by {}: {}", signature, verdict.failed(), verdict.reviews());
            }
            store.putCandidate(signature, new CandidateState(stats, verdict.reviews(), emission));
        });
        return procedures;
    }

    private static SequenceStats orNone(SequenceStats stats) {
        return stats == null ? SequenceStats.none() : stats;
    }

    private static <K> Map<K, List<Occurrence>> group(List<Occurrence> occurrences, Function<Occurrence, K> key) {
        Map<K, List<Occurrence>> groups = new LinkedHashMap<>();
        occurrences.forEach(occurrence -> groups.computeIfAbsent(key.apply(occurrence), k -> new ArrayList<>()).add(occurrence));
        return groups;
    }
}
