package io.procmem.miner.api;

import static io.procmem.miner.Events.Call.ok;
import static io.procmem.miner.MinerDriver.ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.MinerDriver;
import io.procmem.miner.lifecycle.LifecycleTopology;
import io.procmem.miner.lifecycle.ProcedureLifecycle;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.ProcedureIds;
import io.procmem.miner.topology.Names;
import io.procmem.miner.trends.TrendCount;
import io.procmem.miner.trends.TrendsTopology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances' query APIs, each over its own share of the stores: the routine's procedure and windows live on the
 * peer, a rejected one-off pattern on the instance asked. A query without {@code scope} answers for both.
 */
class QueryForwardingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PING = ProcedureIds.of("ping() > pong()");
    private static final String DAY = "from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";

    @TempDir
    Path asked;
    @TempDir
    Path other;
    private MinerDriver local;
    private MinerDriver remote;
    private QueryServer peer;
    private QueryServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Clock now = Clock.fixed(MinerDriver.START.plusSeconds(3600), ZoneOffset.UTC);
        remote = new MinerDriver(other, Map.of());
        remote.sendRoutines(10);
        peer = QueryServer.start("127.0.0.1", 0, new QueryHandler(stores(remote), 3_600_000L, now));
        local = new MinerDriver(asked, Map.of());
        local.sendSession(MinerDriver.START.plusSeconds(60), SessionOutcome.SUCCESS, ok("ping", "{}"), ok("pong", "{}"));
        List<String> peers = List.of("http://127.0.0.1:" + peer.port());
        server = QueryServer.start("127.0.0.1", 0, new QueryHandler(stores(local), () -> peers, Duration.ofSeconds(5),
                3_600_000L, now));
    }

    @AfterEach
    void stop() {
        server.close();
        peer.close();
        local.close();
        remote.close();
    }

    @Test
    void shouldAnswerForEveryInstanceUnlessAskedForTheLocalShare() throws Exception {
        assertThat(get("/v1/procedures").body().path("procedures").findValuesAsText("id")).containsExactly(ID);
        assertThat(get("/v1/procedures?scope=local").body().path("procedures")).isEmpty();

        Reply one = get("/v1/procedures/" + ID);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("steps")).hasSize(2);
        assertThat(get("/v1/procedures/" + ID + "?scope=local").status()).isEqualTo(404);
        assertThat(get("/v1/procedures/p-nope").status()).isEqualTo(404);

        JsonNode top = get("/v1/patterns/top?" + DAY + "&limit=5").body().path("patterns");
        assertThat(top.findValuesAsText("pattern_id")).as("ranked across instances").containsExactly(ID, PING);
        assertThat(get("/v1/patterns/top?" + DAY + "&limit=1").body().path("patterns").findValuesAsText("pattern_id"))
                .containsExactly(ID);

        JsonNode history = get("/v1/patterns/" + ID + "/history?" + DAY).body();
        assertThat(history.path("windows")).singleElement()
                .satisfies(window -> assertThat(window.path("occurrences").asLong()).isEqualTo(10));

        assertThat(get("/v1/candidates/rejected").body().path("candidates").findValuesAsText("pattern_id"))
                .contains(PING).doesNotContain(ID);
    }

    @Test
    void shouldAnswer503NamingAPeerThatCannotAnswer() throws Exception {
        String address = "http://127.0.0.1:" + peer.port();
        peer.close();

        Reply reply = get("/v1/procedures");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body().path("error").asText()).contains(address).contains("scope=local");
        assertThat(get("/v1/procedures?scope=local").status()).as("the local share still answers").isEqualTo(200);
    }

    @Test
    void shouldAnswer400ForAnUnknownScope() throws Exception {
        Reply reply = get("/v1/procedures?scope=everywhere");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("field").asText()).isEqualTo("scope");
    }

    @Test
    void shouldCountAnInstanceHoldingNoPartitionOfAStoreAsAnEmptyShare() throws Exception {
        Clock now = Clock.fixed(MinerDriver.START.plusSeconds(3600), ZoneOffset.UTC);
        List<String> peers = List.of("http://127.0.0.1:" + peer.port());
        try (QueryServer empty = QueryServer.start("127.0.0.1", 0, new QueryHandler(unassigned(true), () -> peers,
                Duration.ofSeconds(5), 3_600_000L, now));
             QueryServer starting = QueryServer.start("127.0.0.1", 0, new QueryHandler(unassigned(false), () -> peers,
                     Duration.ofSeconds(5), 3_600_000L, now))) {
            assertThat(get(empty, "/v1/procedures").body().path("procedures").findValuesAsText("id")).containsExactly(ID);
            assertThat(get(empty, "/v1/procedures/" + ID).status()).isEqualTo(200);
            assertThat(get(empty, "/v1/patterns/top?" + DAY).body().path("patterns").findValuesAsText("pattern_id"))
                    .contains(ID);
            assertThat(get(empty, "/v1/procedures?scope=local").body().path("procedures")).isEmpty();
            assertThat(get(starting, "/v1/procedures").status()).as("not known to hold nothing: unavailable")
                    .isEqualTo(503);
        }
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return get(server, path);
    }

    private Reply get(QueryServer target, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + target.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    /** Stores of a running instance that has no task of them: every read fails as Streams' own do. */
    private static MinerStores unassigned(boolean knownToHoldNone) {
        return new MinerStores() {
            @Override
            public KafkaStreams.State state() {
                return KafkaStreams.State.RUNNING;
            }

            @Override
            public ReadOnlyKeyValueStore<String, ProcedureLifecycle> lifecycle() {
                throw migrated(LifecycleTopology.STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<String, CandidateState> candidates() {
                throw migrated(Names.CANDIDATE_STATS);
            }

            @Override
            public ReadOnlyWindowStore<String, TrendCount> trends() {
                throw migrated(TrendsTopology.STORE);
            }

            @Override
            public boolean hostsNoPartitionOf(String store) {
                return knownToHoldNone;
            }

            private InvalidStateStoreException migrated(String store) {
                return new InvalidStateStoreException("The state store, " + store + ", may have migrated to another instance.");
            }
        };
    }

    private record Reply(int status, JsonNode body) {
    }

    private static MinerStores stores(MinerDriver miner) {
        return new MinerStores() {
            @Override
            public KafkaStreams.State state() {
                return KafkaStreams.State.RUNNING;
            }

            @Override
            public ReadOnlyKeyValueStore<String, ProcedureLifecycle> lifecycle() {
                return miner.driver.getKeyValueStore(LifecycleTopology.STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<String, CandidateState> candidates() {
                return miner.driver.getKeyValueStore(Names.CANDIDATE_STATS);
            }

            @Override
            public ReadOnlyWindowStore<String, TrendCount> trends() {
                return miner.driver.getWindowStore(TrendsTopology.STORE);
            }
        };
    }
}
