package io.procmem.miner.bench;

import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.lifecycle.FeedbackTopics;
import io.procmem.miner.topology.MinerTopology;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/** Names and settings of one bench run: unique topics and application ids, so runs never see each other's data. */
final class BenchRun {
    final String steps;
    final String procedures;
    final String dlq;
    final String minerId;
    final String trivialId;
    final Path stateDir;
    final MinerConfig miner;

    BenchRun(BenchOptions options, String runId, Path stateDir) {
        this.steps = "bench-" + runId + "-steps";
        this.procedures = "bench-" + runId + "-procedures";
        this.dlq = "bench-" + runId + "-dlq";
        this.minerId = "bench-" + runId + "-miner";
        this.trivialId = "bench-" + runId + "-trivial";
        this.stateDir = stateDir;
        Map<String, Object> props = new HashMap<>(options.minerProperties());
        props.put(MinerConfig.APPLICATION_ID, minerId);
        props.put(MinerConfig.BOOTSTRAP_SERVERS, options.bootstrapServers());
        props.put(MinerConfig.SCHEMA_REGISTRY_URL, options.registryUrl());
        props.put(MinerConfig.TOPIC_STEPS, steps);
        props.put(MinerConfig.TOPIC_PROCEDURES, procedures);
        props.put(MinerConfig.TOPIC_DLQ, dlq);
        props.put(MinerConfig.STATE_DIR, stateDir.toString());
        // Under the application id's prefix, so the cleanup that deletes its internal topics deletes these too.
        props.put(MinerConfig.TOPIC_EXECUTIONS, minerId + "-executions");
        props.put(MinerConfig.TOPIC_TRENDS, minerId + "-trends");
        this.miner = new MinerConfig(props);
    }

    KafkaStreams newMiner() {
        FeedbackTopics.ensure(miner);
        return new KafkaStreams(MinerTopology.build(miner), MinerTopology.streamsProperties(miner));
    }

    /** The trivial application runs with exactly the miner's Streams settings but its own application id. */
    KafkaStreams newTrivial() {
        Properties props = miner.toStreamsProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, trivialId);
        return new KafkaStreams(TrivialTopology.build(steps), props);
    }
}
