package io.procmem.miner.trends;

import io.procmem.avro.PatternTrend;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.binding.Signatures;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.publish.ProcedureIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each pattern (candidate signature) of an observation in the epoch-aligned tumbling window of the record's
 * timestamp, in the {@value TrendsTopology#STORE} window store keyed by pattern id, and forwards the window's new
 * counts as a {@link PatternTrend} keyed by pattern id. A window is re-emitted each time it grows.
 *
 * <p>No re-keying is needed: the observations arrive keyed by first step, and every occurrence of a pattern starts
 * with that step, so all of a pattern's counts already meet on one task (the compiler relies on the same).
 * An observation older than the store's retention (stream time) would not be kept: it is logged and not counted.
 */
final class CountTrendsProcessor implements Processor<String, Observation, String, PatternTrend> {
    private static final Logger LOG = LoggerFactory.getLogger(CountTrendsProcessor.class);

    private final long windowMs;
    private final long retentionMs;
    private ProcessorContext<String, PatternTrend> context;
    private WindowStore<String, TrendCount> store;

    CountTrendsProcessor(long windowMs, long retentionMs) {
        this.windowMs = windowMs;
        this.retentionMs = retentionMs;
    }

    @Override
    public void init(ProcessorContext<String, PatternTrend> context) {
        this.context = context;
        this.store = context.getStateStore(TrendsTopology.STORE);
    }

    @Override
    public void process(Record<String, Observation> record) {
        Observation observation = record.value();
        long start = record.timestamp() - Math.floorMod(record.timestamp(), windowMs);
        if (start + windowMs <= context.currentStreamTimeMs() - retentionMs) {
            LOG.warn("observation of session {} at {} is older than the pattern-trends retention ({} ms); its {} "
                    + "occurrences are not counted", observation.sessionId(), Instant.ofEpochMilli(record.timestamp()),
                    retentionMs, observation.occurrences().size());
            return;
        }
        Map<String, List<Occurrence>> bySignature = observation.occurrences().stream()
                .collect(Collectors.groupingBy(Occurrence::signature, LinkedHashMap::new, Collectors.toList()));
        bySignature.forEach((signature, occurrences) -> {
            String id = ProcedureIds.of(signature);
            TrendCount counts = TrendCount.add(store.fetch(id, start), name(occurrences.get(0)), signature,
                    observation.fleet(), occurrences.size(), observation.outcome() == SessionOutcome.SUCCESS);
            store.put(id, counts, start);
            context.forward(new Record<>(id, TrendsTopology.trend(id, counts, start, windowMs), record.timestamp()));
        });
    }

    private static String name(Occurrence occurrence) {
        return occurrence.steps().stream().map(s -> s.foreach() == null ? s.tool() : "foreach " + s.tool())
                .collect(Collectors.joining(Signatures.SEPARATOR));
    }
}
