package io.procmem.deploy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.deploy.demo.MinerProgress;
import io.procmem.eval.cli.EvalConfig;
import io.procmem.eval.replay.EpisodeFiles;
import io.procmem.eval.replay.Replay;
import io.procmem.executor.store.ProcedureIndex;
import io.procmem.executor.store.ProcedureStoreConsumer;
import io.procmem.ingest.config.IngestConfig;
import io.procmem.ingest.importer.TrajectoryImporter;
import io.procmem.miner.app.MinerApp;
import io.procmem.miner.config.MinerConfig;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eval replays episodes through the miner's core without a broker, for speed. This test shows that shortcut
 * learns what the real path learns: the same trajectories imported into Kafka and mined by the Streams topology
 * compile the same procedures, with the same steps, bindings, support and status, as the eval's in-memory learner. The
 * eval's figures follow from those procedures, so they are the same too.
 *
 * <p>Both sides give each procedure's last <em>emitted</em> version: the replay's {@code Learner.compiled()} keeps
 * what the compiler returned, and the compiler returns a procedure only when it emits it (first, then at each
 * {@code miner.reemit.growth} of its support, or on a status change), as the topology publishes it. So the support
 * compared is the support of that version on both paths, not the candidate's running count. For that the miner here
 * reviews on every count ({@code miner.review.interval.ms=0}), as the replay does.
 *
 * <p>One partition per topic keeps the broker path in file order, as the replay is. The procedures are read only once
 * the miner has committed every step <em>and</em> every observation on its {@code candidates-by-first-step}
 * repartition topic ({@link MinerProgress#awaitIdle}): the steps are committed before their observations are counted,
 * so reading earlier would compare the replay with an older version of the last procedures, or miss them.
 */
class EvalBrokerPathIT {
    private static final Path AIRLINE = Path.of("../data/tau-bench-airline-gpt4o/gpt-4o-airline.json");
    private static final int TRAINING_EPISODES = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldCompileTheSameProceduresOnTheBrokerAsTheEvalsReplay() throws Exception {
        Path training = firstEpisodes(TRAINING_EPISODES);

        Replay replay = new Replay(new MinerConfig(Map.of()), new EvalConfig(Map.of()).servingPolicy(), Clock.systemUTC());
        replay.train(EpisodeFiles.read(training, "default"));
        Map<String, String> inMemory = describe(replay.learner().compiled().values());

        Map<String, String> onBroker = describe(mineOnBroker(training));

        assertThat(inMemory).as("the replay compiles something to compare").isNotEmpty();
        assertThat(onBroker).isEqualTo(inMemory);
    }

    private Iterable<CompiledProcedure> mineOnBroker(Path training) throws Exception {
        String run = Long.toHexString(System.nanoTime());
        String steps = "eval-steps-" + run;
        String procedures = "eval-procedures-" + run;
        String dlq = "eval-dlq-" + run;
        SharedKafka.createTopics(1, steps, procedures, dlq);
        String registry = "mock://eval-" + run;
        Map<String, Object> minerProps = new HashMap<>(Map.of("bootstrap.servers", SharedKafka.bootstrapServers(),
                "schema.registry.url", registry, "application.id", "eval-" + run, "state.dir", dir.toString(),
                "topic.steps", steps, "topic.procedures", procedures, "topic.dlq", dlq, "commit.interval.ms", 100L));
        // An ephemeral query API port: the stack's miner may hold the default one while tests run.
        minerProps.put(MinerConfig.HTTP_PORT, 0);
        // Reviews on every count, as the replay's compiler does. The default rations a hot candidate's reviews to one
        // per interval, which changes at which counts versions are emitted (not what compiles: MinerTopologyTest).
        minerProps.put(MinerConfig.REVIEW_INTERVAL_MS, 0L);
        try (MinerApp miner = new MinerApp(new MinerConfig(minerProps))) {
            miner.start();
            try (TrajectoryImporter importer = TrajectoryImporter.create(new IngestConfig(Map.of(
                    "bootstrap.servers", SharedKafka.bootstrapServers(), "schema.registry.url", registry,
                    "topic.steps", steps, "topic.dlq", dlq)))) {
                importer.importFile(training);
            }
            try (MinerProgress progress = new MinerProgress(SharedKafka.bootstrapServers(), "eval-" + run, steps,
                    procedures)) {
                assertThat(progress.awaitIdle(Duration.ofSeconds(5), Duration.ofSeconds(120))).isTrue();
            }
        }
        ProcedureIndex index = new ProcedureIndex();
        try (ProcedureStoreConsumer consumer = new ProcedureStoreConsumer(procedures,
                Map.of("bootstrap.servers", SharedKafka.bootstrapServers()),
                AvroSerde.forValues(CompiledProcedure.class, registry).deserializer(), index)) {
            consumer.start();
            assertThat(consumer.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        }
        return index.all();
    }

    /** What the eval's figures depend on, per procedure id: status, steps with bindings, support. */
    private static Map<String, String> describe(Iterable<CompiledProcedure> procedures) {
        Map<String, String> described = new TreeMap<>();
        for (CompiledProcedure p : procedures) {
            StringBuilder text = new StringBuilder(p.getStatus().name()).append(' ').append(p.getSupport().getOccurrences())
                    .append('/').append(p.getSupport().getSessions());
            p.getSteps().forEach(step -> {
                text.append(" | ").append(step.getAbstractStep()).append(" foreach=").append(step.getForeach());
                step.getArguments().forEach(a -> text.append(' ').append(a.getName()).append('=').append(a.getKind())
                        .append(':').append(a.getSource()));
            });
            described.put(p.getProcedureId(), text.toString());
        }
        return described;
    }

    private Path firstEpisodes(int count) throws Exception {
        JsonNode all = JSON.readTree(AIRLINE.toFile());
        ArrayNode first = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            first.add(all.get(i));
        }
        // Same file name as the bundled one, so both paths derive the same session ids.
        Path file = Files.createDirectories(dir.resolve("train")).resolve(AIRLINE.getFileName());
        JSON.writeValue(file.toFile(), first);
        return file;
    }
}
