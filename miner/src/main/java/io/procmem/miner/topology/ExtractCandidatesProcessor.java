package io.procmem.miner.topology;

import io.procmem.miner.candidates.CandidateExtractor;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.session.FinishedSession;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Streams wrapper of {@link CandidateExtractor}. Re-keys each observation by its first abstract step, so the
 * repartition that follows brings every routine starting with that step, and the step's own count, to one task:
 * determinism and binding consistency compare counts that must live side by side.
 *
 * <p>Known limit: a very common first step concentrates its routines on one partition.
 */
final class ExtractCandidatesProcessor implements Processor<String, FinishedSession, String, Observation> {
    private final CandidateExtractor extractor;
    private ProcessorContext<String, Observation> context;

    ExtractCandidatesProcessor(CandidateExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public void init(ProcessorContext<String, Observation> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, FinishedSession> record) {
        for (Observation observation : extractor.extract(record.value())) {
            context.forward(new Record<>(observation.firstStep(), observation, record.timestamp()));
        }
    }
}
