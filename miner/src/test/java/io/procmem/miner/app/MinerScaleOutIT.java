package io.procmem.miner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.AgentEvent;
import io.procmem.miner.app.GuaranteeRuns.Figures;
import io.procmem.miner.config.MinerConfig;
import io.procmem.testkit.SharedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out: two miner instances of one application id (own state directories) split a 4-partition steps topic
 * between them and together publish exactly the procedures a single instance publishes from the same input, since
 * every occurrence of a routine is counted on one task whichever instance read its session. Either instance's query
 * API answers for both.
 */
class MinerScaleOutIT {
    private static final int ROUTINE_SESSIONS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void shouldShareTheWorkAndPublishWhatASingleInstancePublishes() throws Exception {
        GuaranteeRuns runs = new GuaranteeRuns("mock://scale-out-" + UUID.randomUUID(), 4);
        String singleProcedures = SharedKafka.uniqueTopic("procedures-single");
        String pairProcedures = SharedKafka.uniqueTopic("procedures-pair");
        SharedKafka.createTopics(1, singleProcedures, pairProcedures);
        String pairId = GuaranteeRuns.uniqueId("miner-pair");
        List<AgentEvent> input = RoutineSessions.interleaved(11, ROUTINE_SESSIONS, 60);

        try (MinerApp single = new MinerApp(new MinerConfig(runs.minerProps(GuaranteeRuns.uniqueId("miner-single"),
                     singleProcedures, dir("single"))));
             MinerApp first = new MinerApp(new MinerConfig(runs.minerProps(pairId, pairProcedures, dir("first"))));
             MinerApp second = new MinerApp(new MinerConfig(runs.minerProps(pairId, pairProcedures, dir("second"))))) {
            single.start();
            first.start();
            second.start();
            await().atMost(GuaranteeRuns.DEADLINE).untilAsserted(() -> assertThat(runs.assignedMembers(pairId))
                    .as("both instances hold tasks").isEqualTo(2));

            runs.send(input);

            await().atMost(GuaranteeRuns.DEADLINE).pollInterval(Duration.ofMillis(500))
                    .during(Duration.ofSeconds(3)).untilAsserted(() -> {
                        Map<String, Figures> expected = runs.figures(singleProcedures);
                        assertThat(runs.committedInput(pairId)).isEqualTo(runs.inputEnd());
                        assertThat(expected.values()).filteredOn(Figures::isRoutine).singleElement()
                                .extracting(Figures::occurrences).isEqualTo((long) ROUTINE_SESSIONS);
                        assertThat(runs.figures(pairProcedures)).isEqualTo(expected);
                    });
            assertThat(runs.assignedMembers(pairId)).as("no instance dropped out").isEqualTo(2);

            // Each instance's stores hold its partitions only; the query API answers for both from either one.
            await().atMost(GuaranteeRuns.DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Set<String> published = runs.figures(pairProcedures).keySet();
                Set<String> firstShare = procedureIds(first, "?scope=local");
                Set<String> secondShare = procedureIds(second, "?scope=local");
                // One instance may hold no lifecycle partition at all: its share is then empty, not an error.
                assertThat(Collections.disjoint(firstShare, secondShare)).as("a procedure lives on one instance: %s, %s",
                        firstShare, secondShare).isTrue();
                Set<String> both = new TreeSet<>(firstShare);
                both.addAll(secondShare);
                assertThat(both).isEqualTo(published);
                assertThat(procedureIds(first, "")).isEqualTo(published);
                assertThat(procedureIds(second, "")).isEqualTo(published);
                for (String id : published) {
                    assertThat(status(first, "/v1/procedures/" + id)).as("%s from the first instance", id).isEqualTo(200);
                    assertThat(status(second, "/v1/procedures/" + id)).as("%s from the second instance", id).isEqualTo(200);
                }
            });
        }
    }

    private Set<String> procedureIds(MinerApp miner, String query) throws Exception {
        HttpResponse<String> response = get(miner, "/v1/procedures" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new TreeSet<>(JSON.readTree(response.body()).path("procedures").findValuesAsText("id"));
    }

    private int status(MinerApp miner, String path) throws Exception {
        return get(miner, path).statusCode();
    }

    private HttpResponse<String> get(MinerApp miner, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + miner.httpPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Path dir(String name) throws IOException {
        return Files.createDirectories(temp.resolve(name));
    }
}
