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
import io.procmem.miner.trends.PatternTotal;
import io.procmem.miner.trends.TrendCount;
import io.procmem.miner.trends.TrendsTopology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query API on an ephemeral port, answering from the stores of a running test topology. */
class QueryHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PING = ProcedureIds.of("ping() > pong()");

    @TempDir
    Path stateDir;
    private MinerDriver miner;
    private QueryServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaStreams.State state = KafkaStreams.State.RUNNING;
    private boolean storesReady = true;

    @BeforeEach
    void start() {
        miner = new MinerDriver(stateDir, Map.of());
        miner.sendRoutines(10);
        miner.sendSession(MinerDriver.START.plusSeconds(60), SessionOutcome.SUCCESS, ok("ping", "{}"), ok("pong", "{}"));
        Clock now = Clock.fixed(MinerDriver.START.plusSeconds(3600), ZoneOffset.UTC);
        server = QueryServer.start("127.0.0.1", 0, new QueryHandler(new DriverStores(), 3_600_000L, now));
    }

    @AfterEach
    void stop() {
        server.close();
        miner.close();
    }

    @Test
    void shouldReportHealthFromTheStreamsState() throws Exception {
        assertThat(get("/health")).satisfies(reply -> assertThat(reply.status()).isEqualTo(200))
                .satisfies(reply -> assertThat(reply.body().toString()).isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\"}"));
        state = KafkaStreams.State.PENDING_SHUTDOWN;

        Reply down = get("/health");

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body().path("state").asText()).isEqualTo("PENDING_SHUTDOWN");
    }

    @Test
    void shouldListProceduresWithStatusVersionAndLifecycleFigures() throws Exception {
        Reply list = get("/v1/procedures");

        assertThat(list.status()).isEqualTo(200);
        JsonNode procedure = list.body().path("procedures").get(0);
        assertThat(procedure.path("id").asText()).isEqualTo(ID);
        assertThat(procedure.path("status").asText()).isEqualTo("SHADOW");
        assertThat(procedure.path("version").asInt()).isEqualTo(2);
        assertThat(procedure.path("lifecycle").path("since_version").asInt()).isEqualTo(2);
        assertThat(procedure.path("support").path("occurrences").asLong()).isEqualTo(10);

        JsonNode one = get("/v1/procedures/" + ID).body();
        assertThat(one.path("steps")).hasSize(2);
        assertThat(one.path("reviews").findValuesAsText("name")).contains("support", "determinism");
        assertThat(one.path("reviews").get(0).path("figures").size()).isPositive();
    }

    @Test
    void shouldAnswer404ForAnUnknownProcedureOrPathAnd405ForAWrite() throws Exception {
        Reply unknown = get("/v1/procedures/p-nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("field").asText()).isEqualTo("id");
        assertThat(get("/v1/nothing").status()).isEqualTo(404);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/v1/procedures"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void shouldRankPatternsInTheRangeAndListAPatternsWindows() throws Exception {
        Reply top = get("/v1/patterns/top?from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z&limit=5");

        assertThat(top.status()).isEqualTo(200);
        PatternTotal first = JSON.treeToValue(top.body().path("patterns").get(0), PatternTotal.class);
        assertThat(first.patternId()).isEqualTo(ID);
        assertThat(first.occurrences()).isEqualTo(10);
        assertThat(top.body().path("patterns").get(1).path("pattern_id").asText()).isEqualTo(PING);
        assertThat(get("/v1/patterns/top?from=2026-01-01T01:00:00Z&to=2026-01-01T02:00:00Z").body().path("patterns"))
                .isEmpty();
        assertThat(get("/v1/patterns/top").body().path("patterns")).as("default: the last 24 hours").hasSize(2);

        Reply history = get("/v1/patterns/" + ID + "/history?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        assertThat(history.body().path("pattern_id").asText()).isEqualTo(ID);
        assertThat(history.body().path("windows")).singleElement().satisfies(window -> {
            assertThat(window.path("window_start").asText()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(window.path("occurrences").asLong()).isEqualTo(10);
        });
    }

    @Test
    void shouldAnswer400NamingTheBadParameter() throws Exception {
        assertBadParameter("/v1/patterns/top?from=yesterday", "from");
        assertBadParameter("/v1/patterns/top?to=2026-13-01", "to");
        assertBadParameter("/v1/patterns/top?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from");
        assertBadParameter("/v1/patterns/top?limit=0", "limit");
        assertBadParameter("/v1/candidates/rejected?limit=many", "limit");
    }

    @Test
    void shouldListRejectedCandidatesWithTheReviewsThatFailed() throws Exception {
        Reply rejected = get("/v1/candidates/rejected?limit=10");

        assertThat(rejected.status()).isEqualTo(200);
        JsonNode ping = rejected.body().path("candidates").get(0);
        assertThat(ping.path("pattern_id").asText()).isEqualTo(PING);
        assertThat(ping.path("name").asText()).isEqualTo("ping > pong");
        assertThat(ping.path("failed_reviews").findValuesAsText("name")).contains("support");
        assertThat(ping.path("failed_reviews").get(0).path("detail").asText()).isNotEmpty();
        assertThat(rejected.body().path("candidates").findValuesAsText("pattern_id")).doesNotContain(ID);
    }

    @Test
    void shouldAnswer503WhileStoresAreNotQueryable() throws Exception {
        storesReady = false;

        Reply reply = get("/v1/procedures");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body().path("error").asText()).contains("not queryable");
    }

    private void assertBadParameter(String path, String field) throws Exception {
        Reply reply = get(path);
        assertThat(reply.status()).as(path).isEqualTo(400);
        assertThat(reply.body().path("field").asText()).as(path).isEqualTo(field);
        assertThat(reply.body().path("error").asText()).as(path).contains(field);
    }

    private Reply get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private record Reply(int status, JsonNode body) {
    }

    /** The driver's stores, with a switch to make them unavailable as during a rebalance. */
    private final class DriverStores implements MinerStores {
        @Override
        public KafkaStreams.State state() {
            return state;
        }

        @Override
        public ReadOnlyKeyValueStore<String, ProcedureLifecycle> lifecycle() {
            ready();
            return miner.driver.getKeyValueStore(LifecycleTopology.STORE);
        }

        @Override
        public ReadOnlyKeyValueStore<String, CandidateState> candidates() {
            ready();
            return miner.driver.getKeyValueStore(Names.CANDIDATE_STATS);
        }

        @Override
        public ReadOnlyWindowStore<String, TrendCount> trends() {
            ready();
            return miner.driver.getWindowStore(TrendsTopology.STORE);
        }

        private void ready() {
            if (!storesReady) {
                throw new InvalidStateStoreException("the stores are migrating");
            }
        }
    }
}
