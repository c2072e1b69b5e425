package io.procmem.deploy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.deploy.demo.ExecutorClient;
import io.procmem.executor.app.ExecutorApp;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.ingest.config.IngestConfig;
import io.procmem.ingest.importer.ImportSummary;
import io.procmem.ingest.importer.TrajectoryImporter;
import io.procmem.ingest.trajectory.RecordedSession;
import io.procmem.ingest.trajectory.SessionDefaults;
import io.procmem.ingest.trajectory.TrajectoryReader;
import io.procmem.miner.app.MinerApp;
import io.procmem.miner.config.MinerConfig;
import io.procmem.registry.RegistryConfig;
import io.procmem.registry.RegistryServer;
import io.procmem.testkit.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real broker and a real (HTTP) schema registry: the bundled airline trajectories are imported,
 * the miner compiles procedures onto the procedures topic, and an executor that reads that topic answers which
 * procedure continues a real session's opening step.
 */
class PipelineIT {
    private static final Path AIRLINE = Path.of("../data/tau-bench-airline-gpt4o/gpt-4o-airline.json");

    @TempDir
    Path stateDir;

    private final String run = Long.toHexString(System.nanoTime());
    private final String steps = "steps-" + run;
    private final String procedures = "procedures-" + run;
    private final String dlq = "dlq-" + run;
    private RegistryServer registry;
    private MinerApp miner;
    private ExecutorApp executor;

    @BeforeEach
    void startRegistry() {
        SharedKafka.createTopics(4, steps, procedures, dlq);
        registry = RegistryServer.start(new RegistryConfig(Map.of("port", 0)));
    }

    @AfterEach
    void stopAll() throws Exception {
        if (executor != null) {
            executor.close();
        }
        if (miner != null) {
            miner.close();
        }
        registry.close();
    }

    @Test
    void shouldServeAContinuationMinedFromImportedTrajectories() throws Exception {
        Map<String, Object> clients = new HashMap<>(Map.of("bootstrap.servers", SharedKafka.bootstrapServers(),
                "schema.registry.url", registry.url()));

        Map<String, Object> minerProps = new HashMap<>(clients);
        minerProps.putAll(Map.of("application.id", "pipeline-" + run, "state.dir", stateDir.toString(),
                "topic.steps", steps, "topic.procedures", procedures, "topic.dlq", dlq,
                "commit.interval.ms", 100L, "replication.factor", 1));
        // An ephemeral query API port: the stack's miner may hold the default one while tests run.
        minerProps.put(MinerConfig.HTTP_PORT, 0);
        miner = new MinerApp(new MinerConfig(minerProps));
        miner.start();

        Map<String, Object> ingestProps = new HashMap<>(clients);
        ingestProps.putAll(Map.of("topic.steps", steps, "topic.dlq", dlq));
        ImportSummary imported;
        try (TrajectoryImporter importer = TrajectoryImporter.create(new IngestConfig(ingestProps))) {
            imported = importer.importFile(AIRLINE);
        }
        assertThat(imported.sessions()).isEqualTo(200);
        assertThat(imported.problems()).isEmpty();

        Map<String, Object> executorProps = new HashMap<>(clients);
        executorProps.putAll(Map.of("port", 0, "topic.procedures", procedures));
        executor = ExecutorApp.start(new ExecutorConfig(executorProps));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> executor.index().all().stream().anyMatch(PipelineIT::startsUserThenReservation));

        RecordedSession session = firstSuccessfulSessionStartingWith("get_user_details");
        JsonNode answer = new ExecutorClient(executor.url())
                .continuations(ExecutorClient.continuationRequest(session.steps().subList(0, 1)));

        List<String> nextTools = new ArrayList<>();
        answer.path("matches").forEach(m -> nextTools.add(m.path("remainingSteps").path(0).path("tool").asText()));
        assertThat(nextTools).contains("get_reservation_details");
        assertThat(answer.path("matches").path(0).path("matchedSteps").asInt()).isEqualTo(1);
    }

    private static boolean startsUserThenReservation(CompiledProcedure p) {
        return p.getSteps().size() >= 2 && p.getSteps().get(0).getTool().equals("get_user_details")
                && p.getSteps().get(1).getTool().equals("get_reservation_details");
    }

    private static RecordedSession firstSuccessfulSessionStartingWith(String tool) throws Exception {
        List<RecordedSession> found = new ArrayList<>();
        new TrajectoryReader(AIRLINE, SessionDefaults.forFile(AIRLINE, null, "default")).read(record -> {
            if (record instanceof RecordedSession s && s.outcome() == RecordedSession.Outcome.SUCCESS
                    && !s.steps().isEmpty() && s.steps().get(0).tool().equals(tool)) {
                found.add(s);
            }
        });
        assertThat(found).as("a successful session opening with %s", tool).isNotEmpty();
        return found.get(0);
    }
}
