package io.procmem.miner.lifecycle;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionReport;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams wrapper of {@link Lifecycle} over the {@value LifecycleTopology#STORE} store: applies each emission or
 * report to the stored lifecycle and forwards what is to be published, keyed by procedure id. Report times are the
 * records' timestamps, so replaying the inputs rebuilds the same versions.
 */
final class LifecycleProcessor implements Processor<String, LifecycleInput, String, CompiledProcedure> {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleProcessor.class);

    private final Lifecycle lifecycle;
    private ProcessorContext<String, CompiledProcedure> context;
    private KeyValueStore<String, ProcedureLifecycle> store;

    LifecycleProcessor(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void init(ProcessorContext<String, CompiledProcedure> context) {
        this.context = context;
        this.store = context.getStateStore(LifecycleTopology.STORE);
    }

    @Override
    public void process(Record<String, LifecycleInput> record) {
        String id = record.key();
        ProcedureLifecycle stored = store.get(id);
        Lifecycle.Step step;
        if (record.value().procedure() != null) {
            step = lifecycle.compiled(stored, record.value().procedure());
            if (step.published() == null) {
                LOG.info("procedure {} is retired ({}); the miner's new emission of it is not published", id,
                        stored.procedure().getStatusReason());
            }
        } else {
            ExecutionReport report = record.value().report();
            if (stored == null) {
                LOG.warn("execution report {} from {} is about procedure {}, which this miner never published; not counted",
                        report.getReportId(), report.getExecutorId(), id);
                return;
            }
            step = lifecycle.reported(stored, report, record.timestamp());
        }
        store.put(id, step.state());
        if (step.published() != null) {
            CompiledProcedure published = step.published();
            LOG.info("publishing procedure {} v{} {}: {}", id, published.getVersion(), published.getStatus(),
                    published.getStatusReason());
            context.forward(new Record<>(id, published, record.timestamp()));
        }
    }
}
