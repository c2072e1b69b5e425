package io.procmem.miner;

import io.procmem.avro.CompiledProcedure;
import io.procmem.miner.candidates.CandidateExtractor;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.InMemoryStatsStore;
import io.procmem.miner.publish.ProcedureCompiler;
import io.procmem.miner.review.ReviewResult;
import io.procmem.miner.review.Reviewer;
import io.procmem.miner.session.FinishedSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The miner's core (extraction, counting, reviews) wired from a configuration, over an in-memory store. */
public final class Mining {
    public final InMemoryStatsStore store = new InMemoryStatsStore();
    private final CandidateExtractor extractor;
    private final ProcedureCompiler compiler;
    private long streamTime;

    public Mining(Map<String, ?> overrides) {
        MinerConfig config = new MinerConfig(overrides);
        extractor = new CandidateExtractor(config.getInt(MinerConfig.MIN_LENGTH), config.getInt(MinerConfig.MAX_LENGTH),
                config.learnFrom(), config.getInt(MinerConfig.SAMPLE_MAX_RESULT_BYTES));
        compiler = new ProcedureCompiler(new Reviewer(config.thresholds(), config.writeThresholds(), config.writePolicy(),
                config.toolEffects()), config.getInt(MinerConfig.SAMPLE_SIZE), config.getDouble(MinerConfig.REEMIT_GROWTH));
    }

    /** Mines the sessions in order, one stream-time tick each; returns the procedures published. */
    public List<CompiledProcedure> feed(List<FinishedSession> sessions) {
        List<CompiledProcedure> published = new ArrayList<>();
        for (FinishedSession session : sessions) {
            streamTime++;
            for (Observation observation : extractor.extract(session)) {
                published.addAll(compiler.observe(observation, store, streamTime));
            }
        }
        return published;
    }

    /** The state of the one candidate whose sequence is {@code sequence}; fails when there are several or none. */
    public CandidateState candidate(String sequence) {
        List<CandidateState> found = store.candidates().values().stream()
                .filter(state -> sequence.equals(state.stats().sequence())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " candidates of sequence " + sequence + " in " + store.candidates().keySet());
        }
        return found.get(0);
    }

    /** The latest review of that name of the candidate of {@code sequence}. */
    public ReviewResult review(String sequence, String name) {
        return candidate(sequence).reviews().stream().filter(review -> review.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no review " + name + " of " + sequence));
    }
}
