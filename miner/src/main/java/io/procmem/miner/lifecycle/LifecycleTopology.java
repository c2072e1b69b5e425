package io.procmem.miner.lifecycle;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionReport;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.topology.Names;
import io.procmem.schemas.serde.AvroSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The lifecycle branch: compiled procedures and execution reports -> one repartition by procedure id -> the
 * lifecycle processor (the single writer of status and version) -> the procedures topic.
 *
 * <p>Why one repartition of both: the compiler's output sits on the partition of its routine's first step, the
 * reports on the executions topic's own partitions. Merging them before one named repartition
 * ({@value #BY_PROCEDURE_ID}) makes the processor read a single topic, so each procedure's emissions and reports meet
 * on one task whatever the partition counts of the steps and executions topics (a processor reading two topics is
 * only co-partitioned if their counts match, which Streams checks for joins alone). The cost is one extra hop for
 * the reports.
 *
 * <p>Reports without a procedure id (NO_MATCH) concern no procedure and are filtered out, as are tombstones; reports are re-keyed by
 * their {@code procedure_id} field, so a report with a wrong or missing key still reaches its procedure. A report
 * that cannot be decoded fails in the decode node and is dead-lettered by the processing handler with its bytes
 * (a registry outage fails the task instead).
 */
public final class LifecycleTopology {
    public static final String STORE = "procedure-lifecycle";
    static final String EXECUTIONS_SOURCE = "executions-source";
    static final String DECODE_REPORTS = "decode-reports";
    static final String KEY_REPORTS = "key-reports-by-procedure-id";
    static final String WRAP_PROCEDURES = "wrap-compiled-procedures";
    static final String MERGE_INPUTS = "merge-lifecycle-inputs";
    static final String BY_PROCEDURE_ID = "lifecycle-by-procedure-id";
    static final String APPLY_LIFECYCLE = "apply-lifecycle";

    private LifecycleTopology() {
    }

    /** Routes the compiler's output through the lifecycle to {@code topic.procedures}. */
    public static void attach(StreamsBuilder builder, MinerConfig config, KStream<String, CompiledProcedure> compiled) {
        String registry = config.registryUrl();
        Lifecycle lifecycle = new Lifecycle(LifecycleRules.from(config));
        String executions = config.getString(MinerConfig.TOPIC_EXECUTIONS);
        AvroSerde<ExecutionReport> reportSerde = AvroSerde.forValues(ExecutionReport.class, registry);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                ProcedureLifecycleSerde.of(registry)));

        KStream<String, LifecycleInput> reports = builder
                .stream(executions, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(EXECUTIONS_SOURCE))
                .mapValues(bytes -> reportSerde.deserializer().deserialize(executions, bytes), Named.as(DECODE_REPORTS))
                .flatMap((key, report) -> report == null || report.getProcedureId() == null ? List.of()
                        : List.of(KeyValue.pair(report.getProcedureId(), LifecycleInput.of(report))),
                        Named.as(KEY_REPORTS));
        compiled.mapValues(LifecycleInput::of, Named.as(WRAP_PROCEDURES))
                .merge(reports, Named.as(MERGE_INPUTS))
                .repartition(Repartitioned.with(Serdes.String(), LifecycleInputSerde.of(registry)).withName(BY_PROCEDURE_ID))
                .process(() -> new LifecycleProcessor(lifecycle),
                        Named.as(APPLY_LIFECYCLE), STORE)
                .to(config.proceduresTopic(), Produced.with(Serdes.String(),
                        AvroSerde.forValues(CompiledProcedure.class, registry)).withName(Names.PUBLISH_PROCEDURES));
    }
}
