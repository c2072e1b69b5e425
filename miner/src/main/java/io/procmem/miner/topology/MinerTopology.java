package io.procmem.miner.topology;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.DeadLetter;
import io.procmem.miner.candidates.CandidateExtractor;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.lifecycle.LifecycleTopology;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.ProcedureCompiler;
import io.procmem.miner.publish.StateAging;
import io.procmem.miner.review.Reviewer;
import io.procmem.miner.session.SessionAssembler;
import io.procmem.miner.session.SessionBuffer;
import io.procmem.miner.trends.TrendsTopology;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The miner topology: steps -> decode (bad records to the DLQ) -> assemble sessions -> extract candidates (fold
 * loops, bind arguments) -> repartition by first step -> count and review -> lifecycle -> procedures; the same
 * observations feed the windowed pattern trends. The DSL is used for its managed repartition topic; every step
 * is a named processor wrapping the plain-Java core, and every node, store and topic is named from {@link Names}.
 * Builds the topology only; running it is {@code MinerApp}'s job.
 */
public final class MinerTopology {

    private MinerTopology() {
    }

    public static Topology build(MinerConfig config) {
        String registry = config.registryUrl();
        SessionAssembler assembler = new SessionAssembler(config.getLong(MinerConfig.SESSION_TIMEOUT_MS));
        Duration sweep = Duration.ofMillis(config.getLong(MinerConfig.PUNCTUATE_INTERVAL_MS));
        Duration reviewInterval = Duration.ofMillis(config.getLong(MinerConfig.REVIEW_INTERVAL_MS));
        long dedupRetention = config.getLong(MinerConfig.DEDUP_RETENTION_MS);
        CandidateExtractor extractor = new CandidateExtractor(config.getInt(MinerConfig.MIN_LENGTH),
                config.getInt(MinerConfig.MAX_LENGTH), config.learnFrom(), config.getInt(MinerConfig.SAMPLE_MAX_RESULT_BYTES));
        ProcedureCompiler compiler = new ProcedureCompiler(new Reviewer(config.thresholds(), config.writeThresholds(),
                config.writePolicy(), config.toolEffects()), config.getInt(MinerConfig.SAMPLE_SIZE),
                config.getDouble(MinerConfig.REEMIT_GROWTH));
        StateAging aging = new StateAging(config.getLong(MinerConfig.CANDIDATE_TTL_MS), config.getInt(MinerConfig.MIN_SUPPORT),
                config.getDouble(MinerConfig.CANDIDATE_MIN_SHARE));

        StreamsBuilder builder = new StreamsBuilder();
        // Buffers and figures are rewritten many times per commit: write-back stores keep them as objects and
        // serialize each once per commit (WriteBackStore); the finished-session ids are small and cached as bytes.
        builder.addStateStore(WriteBackStore.builder(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.SESSION_BUFFERS), Serdes.String(), JsonSerde.of(SessionBuffer.class))));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.FINISHED_SESSIONS),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(WriteBackStore.builder(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.CANDIDATE_STATS), Serdes.String(), JsonSerde.of(CandidateState.class))));
        builder.addStateStore(WriteBackStore.builder(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.CANDIDATE_SAMPLE_SLOTS), Serdes.String(), JsonSerde.of(Occurrence.class))));
        // Legacy whole samples, only read (and emptied) to migrate them to slots: see CandidateStates.
        builder.addStateStore(WriteBackStore.builder(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.CANDIDATE_SAMPLES), Serdes.String(),
                JsonSerde.of(CandidateStates.StoredSample.class))));
        builder.addStateStore(WriteBackStore.builder(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.SEQUENCE_STATS), Serdes.String(), JsonSerde.of(SequenceStats.class))));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.PENDING_REVIEWS),
                Serdes.String(), Serdes.Long()).withCachingEnabled());

        // Values are read as bytes and decoded in a processor, so a poison record reaches the DLQ with its bytes.
        Map<String, KStream<String, Decoded>> routes = builder
                .stream(config.stepsTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(Names.STEPS_SOURCE))
                .process(() -> new DecodeEventsProcessor(AvroSerde.forValues(AgentEvent.class, registry).deserializer()),
                        Named.as(Names.DECODE_EVENTS))
                .split(Named.as(Names.ROUTE_DECODED))
                .branch((key, decoded) -> decoded.isDead(), Branched.as(Names.DEAD_LETTER_BRANCH))
                .defaultBranch(Branched.as(Names.EVENT_BRANCH));

        routes.get(Names.ROUTE_DECODED + Names.DEAD_LETTER_BRANCH)
                .mapValues(Decoded::deadLetter, Named.as(Names.UNWRAP_DEAD_LETTERS))
                .to(config.dlqTopic(), Produced.with(Serdes.String(), AvroSerde.forValues(DeadLetter.class, registry))
                        .withName(Names.PUBLISH_DEAD_LETTERS));

        KStream<String, Observation> observations = routes.get(Names.ROUTE_DECODED + Names.EVENT_BRANCH)
                .mapValues(Decoded::event, Named.as(Names.UNWRAP_EVENTS))
                .process(() -> new AssembleSessionsProcessor(assembler, sweep, dedupRetention),
                        Named.as(Names.ASSEMBLE_SESSIONS), Names.SESSION_BUFFERS, Names.FINISHED_SESSIONS)
                .process(() -> new ExtractCandidatesProcessor(extractor), Named.as(Names.EXTRACT_CANDIDATES))
                // Sessions are keyed by session id; reviews need every routine starting with a step on one task.
                .repartition(Repartitioned.with(Serdes.String(), ObservationSerde.serde())
                        .withName(Names.CANDIDATES_BY_FIRST_STEP));
        TrendsTopology.attach(builder, config, observations);
        LifecycleTopology.attach(builder, config, observations
                .process(() -> new CountCandidatesProcessor(compiler, aging, sweep, reviewInterval),
                        Named.as(Names.COUNT_CANDIDATES), Names.CANDIDATE_STATS, Names.CANDIDATE_SAMPLE_SLOTS,
                        Names.CANDIDATE_SAMPLES, Names.SEQUENCE_STATS, Names.PENDING_REVIEWS));
        return builder.build();
    }

    /** The configuration's Streams properties with the miner's exception handlers set explicitly. */
    public static Properties streamsProperties(MinerConfig config) {
        Properties props = config.toStreamsProperties();
        props.put(HandlerDeadLetters.DLQ_TOPIC_CONFIG, config.dlqTopic());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndDeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndDeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProductionHandler.class);
        return props;
    }
}
