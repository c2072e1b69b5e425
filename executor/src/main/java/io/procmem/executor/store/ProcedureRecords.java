package io.procmem.executor.store;

import io.procmem.avro.CompiledProcedure;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one record of the procedures topic to a {@link ProcedureIndex}: a value is a new version, a null value
 * (tombstone) removes the key. Records that cannot be applied (no key, a value that does not decode, a value whose
 * procedure id is not its key) are logged with topic, partition and offset, counted and skipped; they are not sent
 * to a dead-letter topic because the miner, which wrote them, owns that.
 */
final class ProcedureRecords {
    private static final Logger LOG = LoggerFactory.getLogger(ProcedureRecords.class);

    private final Deserializer<CompiledProcedure> values;
    private final ProcedureIndex index;
    private final AtomicLong skipped = new AtomicLong();

    ProcedureRecords(Deserializer<CompiledProcedure> values, ProcedureIndex index) {
        this.values = values;
        this.index = index;
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            skip(record, "it has no key (procedure id)", null);
            return;
        }
        if (record.value() == null) {
            index.remove(record.key());
            LOG.debug("procedure {} removed (tombstone)", record.key());
            return;
        }
        CompiledProcedure procedure;
        try {
            procedure = values.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            skip(record, "its value does not decode as CompiledProcedure: " + e.getMessage(), e);
            return;
        }
        if (!record.key().equals(procedure.getProcedureId())) {
            // Compaction works on the key, so indexing under the value's id would let a stale copy outlive a tombstone.
            skip(record, "its key " + record.key() + " is not its procedure_id " + procedure.getProcedureId(), null);
            return;
        }
        if (index.put(procedure)) {
            LOG.debug("procedure {} v{} ({}) held", procedure.getProcedureId(), procedure.getVersion(), procedure.getStatus());
        } else {
            LOG.debug("procedure {} v{} ignored: a newer version is held", procedure.getProcedureId(), procedure.getVersion());
        }
    }

    long skipped() {
        return skipped.get();
    }

    private void skip(ConsumerRecord<String, byte[]> record, String reason, Exception cause) {
        skipped.incrementAndGet();
        LOG.error("skipping record {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                record.key(), reason);
        if (cause != null) {
            // The reason already holds the cause's message; the trace only helps when debugging the decoder.
            LOG.debug("decoding failure of {}-{}@{}", record.topic(), record.partition(), record.offset(), cause);
        }
    }
}
