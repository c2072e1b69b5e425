package io.procmem.miner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.procmem.avro.AgentEvent;
import io.procmem.miner.app.GuaranteeRuns.Figures;
import io.procmem.miner.config.MinerConfig;
import io.procmem.registry.RegistryConfig;
import io.procmem.registry.RegistryServer;
import io.procmem.testkit.SharedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across a crash: a miner killed with SIGKILL in the middle of the stream ends, once restarted, with
 * the same procedures, figure for figure, as a miner that ran uninterrupted over the same input.
 *
 * <p>"Kill" means a real one: the miner runs in its own JVM ({@link MinerProcess}) and gets SIGKILL while events
 * are still arriving, so it dies with a transaction open, no final commit and its stores not flushed. In-process
 * options ({@code KafkaStreams.close(Duration.ZERO)}) still shut down cleanly in the background and would prove
 * nothing. The restart reuses the state directory, as a pod with a persistent volume would: Streams finds no
 * checkpoint (exactly-once writes none while running), rebuilds the stores from the changelogs and fences the dead
 * instance's transaction. The registry is a real HTTP one, since both JVMs must agree on schema ids. Run with
 * {@code at_least_once} instead, this test fails: sessions replayed after the crash are counted twice.
 */
class MinerFaultIT {
    private static final int ROUTINE_SESSIONS = 150;

    @TempDir
    Path temp;

    @Test
    void shouldPublishTheSameProceduresAfterAKillAndRestartAsAnUninterruptedMiner() throws Exception {
        try (RegistryServer registry = RegistryServer.start(new RegistryConfig(Map.of(RegistryConfig.PORT_CONFIG, 0)))) {
            GuaranteeRuns runs = new GuaranteeRuns(registry.url(), 3);
            String referenceProcedures = SharedKafka.uniqueTopic("procedures-reference");
            String crashedProcedures = SharedKafka.uniqueTopic("procedures-crashed");
            SharedKafka.createTopics(1, referenceProcedures, crashedProcedures);
            List<AgentEvent> input = RoutineSessions.interleaved(7, ROUTINE_SESSIONS, 150);
            String crashedId = GuaranteeRuns.uniqueId("miner-fault");
            Map<String, Object> crashedProps = runs.minerProps(crashedId, crashedProcedures, dir("crashed-state"));

            try (MinerApp reference = new MinerApp(new MinerConfig(runs.minerProps(GuaranteeRuns.uniqueId("miner-reference"),
                    referenceProcedures, dir("reference-state"))))) {
                reference.start();
                try (MinerProcess doomed = MinerProcess.start(crashedProps, dir("child"))) {
                    await().atMost(GuaranteeRuns.DEADLINE).untilAsserted(() -> {
                        assertThat(doomed.isAlive()).as("child miner running (see its miner.log)").isTrue();
                        assertThat(runs.assignedMembers(crashedId)).as("child miner holding tasks").isEqualTo(1);
                    });
                    // Three quarters of the input go in at once and the child is killed once it has committed a
                    // quarter: it dies with a backlog and an open transaction, whatever the machine's speed. The rest
                    // arrives after the kill, as a live stream would.
                    int firstPart = input.size() * 3 / 4;
                    try (KafkaProducer<String, AgentEvent> producer = runs.producer()) {
                        send(producer, runs.steps, input.subList(0, firstPart));
                        await().atMost(GuaranteeRuns.DEADLINE).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                            assertThat(doomed.isAlive()).as("child miner running (see its miner.log)").isTrue();
                            assertThat(runs.committedInput(crashedId)).isGreaterThanOrEqualTo(input.size() / 4);
                        });
                        doomed.close();
                        assertThat(doomed.isAlive()).isFalse();
                        assertThat(runs.committedInput(crashedId)).as("the kill must land mid-stream, with a backlog")
                                .isLessThan(firstPart);
                        send(producer, runs.steps, input.subList(firstPart, input.size()));
                    }
                }

                try (MinerApp restarted = new MinerApp(new MinerConfig(crashedProps))) {
                    restarted.start();
                    await().atMost(GuaranteeRuns.DEADLINE).pollInterval(Duration.ofMillis(500))
                            .during(Duration.ofSeconds(3)).untilAsserted(() -> {
                                Map<String, Figures> expected = runs.figures(referenceProcedures);
                                assertThat(runs.committedInput(crashedId)).isEqualTo(runs.inputEnd());
                                assertThat(expected.values()).filteredOn(Figures::isRoutine).singleElement()
                                        .extracting(Figures::occurrences).isEqualTo((long) ROUTINE_SESSIONS);
                                assertThat(runs.figures(crashedProcedures)).isEqualTo(expected);
                            });
                }
            }
        }
    }

    private static void send(KafkaProducer<String, AgentEvent> producer, String topic, List<AgentEvent> events) {
        events.forEach(event -> producer.send(new ProducerRecord<>(topic, event.getSessionId(), event)));
        producer.flush();
    }

    private Path dir(String name) throws IOException {
        return Files.createDirectories(temp.resolve(name));
    }
}
