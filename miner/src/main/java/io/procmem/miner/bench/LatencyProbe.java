package io.procmem.miner.bench;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.CompiledProcedure;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * End-to-end compile latency on a running, drained miner: for each probe, a recorded episode with its tools renamed
 * (so the routine is new to the miner) is sent as {@code sessionsNeeded} sessions of distinct agents; the clock runs
 * from the send of the last session's SessionEnded to the first committed procedure made only of the renamed tools.
 * It includes the miner's commit interval, as a reader of the topic experiences it.
 */
final class LatencyProbe {
    private final InterleavedWriter writer;
    private final String bootstrapServers;
    private final String registryUrl;
    private final String proceduresTopic;
    private final Duration timeout;

    LatencyProbe(InterleavedWriter writer, String bootstrapServers, String registryUrl, String proceduresTopic,
                 Duration timeout) {
        this.writer = writer;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.proceduresTopic = proceduresTopic;
        this.timeout = timeout;
    }

    /**
     * One latency sample in milliseconds per probe, each drawn from the episodes that can compile (a probe
     * routine the reviews must reject would only time out).
     */
    List<Long> measure(List<Episode> compilable, int probes, int sessionsNeeded, String runId, long seed) {
        if (compilable.isEmpty()) {
            throw new IllegalArgumentException("no episode has a stretch the miner could compile; cannot probe latency");
        }
        Random random = new Random(seed);
        SessionSynthesizer synthesizer = new SessionSynthesizer("bench-probe", random);
        List<Long> samples = new ArrayList<>(probes);
        try (KafkaConsumer<String, CompiledProcedure> procedures = consumerAtEnd()) {
            for (int probe = 0; probe < probes; probe++) {
                String suffix = "_probe" + probe;
                Episode routine = compilable.get(random.nextInt(compilable.size())).withToolSuffix(suffix);
                List<List<AgentEvent>> sessions = new ArrayList<>();
                for (int i = 0; i < sessionsNeeded; i++) {
                    sessions.add(synthesizer.session(routine, runId + "-probe" + probe + "-" + i, "probe-agent-" + i,
                            Instant.now()));
                }
                List<AgentEvent> last = sessions.get(sessionsNeeded - 1);
                AgentEvent lastEnd = last.remove(last.size() - 1);
                writer.write(sessions.iterator());
                long sent = System.nanoTime();
                writer.sendNow(lastEnd);
                awaitProcedureOf(procedures, suffix, sessionsNeeded);
                samples.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
            }
        }
        return samples;
    }

    /**
     * Waits for a procedure of the probe routine seen in all its sessions: a sub-sequence repeated within an episode
     * can compile from fewer sessions, before the clock started, and must not stop it.
     */
    private void awaitProcedureOf(KafkaConsumer<String, CompiledProcedure> consumer, String toolSuffix, int sessions) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, CompiledProcedure> record : consumer.poll(Duration.ofMillis(10))) {
                CompiledProcedure procedure = record.value();
                if (procedure.getSupport().getSessions() >= sessions && !procedure.getSteps().isEmpty()
                        && procedure.getSteps().stream().allMatch(step -> step.getTool().endsWith(toolSuffix))) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no procedure for the probe routine *" + toolSuffix + " appeared on "
                + proceduresTopic + " within " + timeout);
    }

    private KafkaConsumer<String, CompiledProcedure> consumerAtEnd() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, CompiledProcedure> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerde.forValues(CompiledProcedure.class, registryUrl).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(proceduresTopic, timeout).stream()
                .map(info -> new TopicPartition(proceduresTopic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the lazy seek now, so procedures of earlier phases are not mistaken for the probe's.
        partitions.forEach(p -> consumer.position(p, timeout));
        return consumer;
    }
}
