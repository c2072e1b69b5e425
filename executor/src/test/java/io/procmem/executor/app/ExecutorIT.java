package io.procmem.executor.app;

import static io.procmem.executor.TestProcedures.builder;
import static io.procmem.executor.TestProcedures.procedure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The executor against the shared broker: reads the topic whole at start, then follows it while serving. */
class ExecutorIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String USER = "get_user_details(user_id)";
    private static final String RESERVATION = "get_reservation_details(reservation_id)";
    private static final String CANCEL = "cancel_reservation(reservation_id)";
    private static final String FLIGHT = "search_direct_flight(date,destination,origin)";
    private static final String BOOK = "book_reservation(flight_number)";
    // p-1 and p-2 are written to fixed partitions so "a late old version" is ordered against the records after it.
    private static final int P1_PARTITION = 0;
    private static final int P2_PARTITION = 1;

    private final HttpClient http = HttpClient.newHttpClient();
    private String topic;
    private Serializer<CompiledProcedure> serializer;
    private KafkaProducer<String, byte[]> producer;
    private ExecutorApp app;

    @BeforeEach
    void setUp() {
        topic = SharedKafka.uniqueTopic("procedures");
        SharedKafka.createTopics(2, topic);
        String registry = "mock://" + SharedKafka.uniqueTopic("executor-it");
        serializer = AvroSerde.forValues(CompiledProcedure.class, registry).serializer();
        producer = new KafkaProducer<>(new HashMap<>(SharedKafka.clientConfig()), new StringSerializer(),
                new ByteArraySerializer());

        publish(P1_PARTITION, procedure("p-1", 1, USER, RESERVATION, CANCEL));
        publish(P2_PARTITION, procedure("p-2", 1, FLIGHT, BOOK));
        send(P2_PARTITION, "p-garbage", new byte[] {0, 0, 0, 0, 7, 1, 2, 3});

        app = ExecutorApp.start(new ExecutorConfig(Map.of(
                ExecutorConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
                ExecutorConfig.SCHEMA_REGISTRY_URL, registry,
                ExecutorConfig.TOPIC_PROCEDURES, topic,
                ExecutorConfig.PORT, 0,
                ExecutorConfig.EXECUTOR_ID, "it-executor")));
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        producer.close();
    }

    @Test
    void shouldServeTheProceduresOnTheTopicOnceStarted() throws Exception {
        assertThat(app.index().size()).isEqualTo(2);
        assertThat(app.skippedRecords()).isEqualTo(1);
        assertThat(get("/health").get("status").asText()).isEqualTo("UP");

        JsonNode match = onlyMatch(continuationsAfter("get_user_details", "user_id"));

        assertThat(match.get("procedureId").asText()).isEqualTo("p-1");
        assertThat(match.get("matchedSteps").asInt()).isEqualTo(1);
        assertThat(match.get("remainingSteps")).extracting(s -> s.get("tool").asText())
                .containsExactly("get_reservation_details", "cancel_reservation");
    }

    @Test
    void shouldFollowNewVersionsRetirementAndTombstonesWhileRunning() throws Exception {
        publish(P1_PARTITION, builder("p-1", 2, USER, RESERVATION, CANCEL).setStatus(ProcedureStatus.SHADOW).build());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(onlyMatch(continuationsAfter("get_user_details", "user_id"))
                .get("version").asInt()).isEqualTo(2));

        publish(P1_PARTITION, builder("p-1", 3, USER, RESERVATION, CANCEL).setStatus(ProcedureStatus.RETIRED).build());
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(continuationsAfter("get_user_details", "user_id")).isEmpty());
        assertThat(get("/v1/procedures/p-1").get("status").asText()).isEqualTo("RETIRED");

        publish(P1_PARTITION, procedure("p-1", 1, USER, RESERVATION, CANCEL));
        send(P1_PARTITION, "p-1", null);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(app.index().get("p-1")).isEmpty());

        assertThat(status("/v1/procedures/p-1")).isEqualTo(404);
        assertThat(get("/v1/procedures").get("procedures")).extracting(p -> p.get("procedureId").asText())
                .containsExactly("p-2");
    }

    @Test
    void shouldIgnoreAnOlderVersionPublishedLate() {
        publish(P1_PARTITION, procedure("p-1", 5, USER, RESERVATION, CANCEL));
        publish(P1_PARTITION, procedure("p-1", 4, USER, FLIGHT));
        // The marker shares p-1's partition, so once it is held the late version 4 has been read too.
        publish(P1_PARTITION, procedure("p-marker", 1, BOOK, CANCEL));
        await().atMost(DEADLINE).until(() -> app.index().get("p-marker").isPresent());

        assertThat(app.index().get("p-1")).get().extracting(CompiledProcedure::getVersion).isEqualTo(5);
    }

    private void publish(int partition, CompiledProcedure procedure) {
        send(partition, procedure.getProcedureId(), serializer.serialize(topic, procedure));
    }

    private void send(int partition, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + key + " to " + topic, e);
        }
    }

    private JsonNode continuationsAfter(String tool, String argument) throws Exception {
        String body = "{\"steps\": [{\"tool\": \"" + tool + "\", \"arguments\": {\"" + argument + "\": \"x\"}}]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.url() + "/v1/continuations"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("matches");
    }

    private static JsonNode onlyMatch(JsonNode matches) {
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
