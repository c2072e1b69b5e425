package io.procmem.miner.topology;

import io.procmem.avro.AgentEvent;
import io.procmem.miner.session.FinishedSession;
import io.procmem.miner.session.SessionAssembler;
import io.procmem.miner.session.SessionAssembler.Assembly;
import io.procmem.miner.session.SessionAssembler.Closed;
import io.procmem.miner.session.SessionAssembler.Pending;
import io.procmem.miner.session.SessionBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams wrapper of {@link SessionAssembler}: buffers open sessions in {@value Names#SESSION_BUFFERS}, remembers
 * finished ones in {@value Names#FINISHED_SESSIONS} (so events of a session that already finished, e.g. a re-import,
 * are ignored rather than counted again) and forwards each session once when it closes. A wall-clock punctuator
 * closes idle sessions and forgets finished ids older than the dedup retention.
 *
 * <p>Known limit: each sweep scans both stores whole; fine for thousands of open sessions per task, not millions.
 */
final class AssembleSessionsProcessor implements Processor<String, AgentEvent, String, FinishedSession> {
    private static final Logger LOG = LoggerFactory.getLogger(AssembleSessionsProcessor.class);

    /** Decoded open sessions kept per task: every event of a session reads its buffer back. */
    static final int CACHED_BUFFERS = 2_000;

    private final SessionAssembler assembler;
    private final Duration sweepInterval;
    private final long dedupRetentionMs;
    private ProcessorContext<String, FinishedSession> context;
    private KeyValueStore<String, SessionBuffer> bufferStore;
    private DecodedCache<SessionBuffer> buffers;
    private KeyValueStore<String, Long> finished;

    AssembleSessionsProcessor(SessionAssembler assembler, Duration sweepInterval, long dedupRetentionMs) {
        this.assembler = assembler;
        this.sweepInterval = sweepInterval;
        this.dedupRetentionMs = dedupRetentionMs;
    }

    @Override
    public void init(ProcessorContext<String, FinishedSession> context) {
        this.context = context;
        this.bufferStore = context.getStateStore(Names.SESSION_BUFFERS);
        // A fresh cache on every init, so a revived task never sees buffers from before its store was restored.
        this.buffers = new DecodedCache<>(bufferStore, CACHED_BUFFERS);
        this.finished = context.getStateStore(Names.FINISHED_SESSIONS);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, AgentEvent> record) {
        String sessionId = record.key();
        if (finished.get(sessionId) != null) {
            LOG.debug("ignoring event {}: session {} already finished", record.value().getEventId(), sessionId);
            return;
        }
        Assembly assembly = assembler.apply(buffers.get(sessionId), record.value(), context.currentSystemTimeMs());
        if (assembly instanceof Pending pending) {
            buffers.put(sessionId, pending.buffer());
        } else if (assembly instanceof Closed closed) {
            close(closed.session(), record.timestamp());
        } else {
            LOG.debug("ignoring duplicate event {} of session {}: {}", record.value().getEventId(), sessionId, assembly);
        }
    }

    private void sweep(long nowMs) {
        List<FinishedSession> idle = new ArrayList<>();
        try (KeyValueIterator<String, SessionBuffer> all = bufferStore.all()) {
            all.forEachRemaining(entry -> assembler.expire(entry.value, nowMs).ifPresent(idle::add));
        }
        for (FinishedSession session : idle) {
            LOG.info("closing idle session {} with outcome {} ({} steps, complete: {})", session.sessionId(),
                    session.outcome(), session.steps().size(), session.complete());
            close(session, Math.max(0, context.currentStreamTimeMs()));
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = finished.all()) {
            all.forEachRemaining((KeyValue<String, Long> entry) -> {
                if (nowMs - entry.value >= dedupRetentionMs) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(finished::delete);
    }

    private void close(FinishedSession session, long timestamp) {
        buffers.delete(session.sessionId());
        finished.put(session.sessionId(), session.finishedAtMs());
        context.forward(new Record<>(session.sessionId(), session, timestamp));
    }
}
