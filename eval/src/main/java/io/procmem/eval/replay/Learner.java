package io.procmem.eval.replay;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.miner.candidates.CandidateExtractor;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.InMemoryStatsStore;
import io.procmem.miner.publish.ProcedureCompiler;
import io.procmem.miner.review.ReviewResult;
import io.procmem.miner.review.Reviewer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The miner's core as the topology runs it, without Kafka: a finished episode goes through the
 * {@link CandidateExtractor} and each observation through the {@link ProcedureCompiler}, over an in-memory stats
 * store. What it compiles goes to the executor's indexes (see {@link ShadowGate}) the way the procedures topic would
 * bring it, except that the {@link ServingPolicy} decides what is held there: an admitted procedure is held as
 * AUTONOMOUS, a new version the policy no longer admits is removed.
 *
 * <p>Stream time is the episode's ordinal, so candidate ages and emission times are in episodes, not milliseconds.
 */
public final class Learner {
    private final CandidateExtractor extractor;
    private final ProcedureCompiler compiler;
    private final InMemoryStatsStore store = new InMemoryStatsStore();
    private final ShadowGate gate;
    private final Map<String, CompiledProcedure> compiled = new LinkedHashMap<>();

    Learner(MinerConfig config, ShadowGate gate) {
        this.extractor = new CandidateExtractor(config.getInt(MinerConfig.MIN_LENGTH), config.getInt(MinerConfig.MAX_LENGTH),
                config.learnFrom(), config.getInt(MinerConfig.SAMPLE_MAX_RESULT_BYTES));
        Reviewer reviewer = new Reviewer(config.thresholds(), config.writeThresholds(), config.writePolicy(),
                config.toolEffects());
        this.compiler = new ProcedureCompiler(reviewer, config.getInt(MinerConfig.SAMPLE_SIZE),
                config.getDouble(MinerConfig.REEMIT_GROWTH));
        this.gate = gate;
    }

    /** Learns from one finished episode; {@code ordinal} orders episodes (stream time). */
    void learn(Episode episode, long ordinal) {
        for (Observation observation : extractor.extract(episode.toFinishedSession(ordinal))) {
            for (CompiledProcedure procedure : compiler.observe(observation, store, ordinal)) {
                compiled.put(procedure.getProcedureId(), procedure);
                gate.compiled(procedure, CompiledProcedure.newBuilder(procedure).setStatus(ProcedureStatus.AUTONOMOUS).build());
            }
        }
    }

    /** The latest version of every procedure compiled so far, with the status the miner gave it, by id. */
    public Map<String, CompiledProcedure> compiled() {
        return Collections.unmodifiableMap(compiled);
    }

    /** How many candidates the miner has counted. */
    public int candidates() {
        return store.candidates().size();
    }

    /**
     * For each review, how many candidates its latest verdict rejected (a candidate failing several reviews counts
     * under each); sorted by review name.
     */
    public Map<String, Long> rejectionsByReview() {
        Map<String, Long> rejections = new TreeMap<>();
        for (CandidateState state : store.candidates().values()) {
            state.reviews().stream().filter(review -> !review.passed()).map(ReviewResult::name)
                    .forEach(name -> rejections.merge(name, 1L, Long::sum));
        }
        return rejections;
    }
}
