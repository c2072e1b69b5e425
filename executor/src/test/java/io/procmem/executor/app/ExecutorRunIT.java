package io.procmem.executor.app;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.executor.sample.CallLog;
import io.procmem.executor.sample.SampleToolServer;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor end to end: a compiled procedure on the shared broker, the sample airline as its MCP tool server,
 * runs through the HTTP API, reports on the executions topic.
 */
class ExecutorRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String TOKEN = "it-token";
    private static final String PROCEDURE_ID = "p-user-reservations";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConsumerRecord<String, ExecutionReport>> reports = new CopyOnWriteArrayList<>();
    private String executions;
    private String procedures;
    private String registry;
    private SampleToolServer tools;
    private ExecutorApp app;

    @BeforeEach
    void setUp() throws Exception {
        String procedures = SharedKafka.uniqueTopic("procedures");
        executions = SharedKafka.uniqueTopic("executions");
        SharedKafka.createTopics(1, procedures, executions);
        registry = "mock://" + SharedKafka.uniqueTopic("executor-run-it");
        CompiledProcedure procedure = userReservations(PROCEDURE_ID, ProcedureStatus.AUTONOMOUS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(SharedKafka.clientConfig()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(procedures, PROCEDURE_ID, AvroSerde.forValues(CompiledProcedure.class,
                    registry).serializer().serialize(procedures, procedure))).get();
        }
        this.procedures = procedures;
        tools = SampleToolServer.start("127.0.0.1", 0);
    }

    /** Starts the executor with the given {@code executor.foreach.parallelism}, or its default when null. */
    private void startExecutor(Integer foreachParallelism) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ExecutorConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
                ExecutorConfig.SCHEMA_REGISTRY_URL, registry,
                ExecutorConfig.TOPIC_PROCEDURES, procedures,
                ExecutorConfig.TOPIC_EXECUTIONS, executions,
                ExecutorConfig.PORT, 0,
                ExecutorConfig.EXECUTOR_ID, "run-it",
                ExecutorConfig.API_TOKEN, TOKEN,
                ExecutorConfig.GATEWAY_TYPE, "mcp",
                ExecutorConfig.GATEWAY_URL, tools.mcpUrl()));
        if (foreachParallelism != null) {
            settings.put(ExecutorConfig.FOREACH_PARALLELISM, foreachParallelism);
        }
        app = ExecutorApp.start(new ExecutorConfig(settings));
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        tools.close();
    }

    @Test
    void shouldServeTheRoutineThenEscalateWhereRealityDiffersAndReportBoth() throws Exception {
        // One element after the other: the escalation makes no further tool call at all.
        startExecutor(1);
        JsonNode served = run("s-1", TOKEN);

        assertThat(served.get("outcome").asText()).as(served.toString()).isEqualTo("served");
        assertThat(served.get("procedureId").asText()).isEqualTo(PROCEDURE_ID);
        assertThat(served.get("calls")).extracting(c -> c.get("result").get("reservation_id").asText())
                .containsExactly("NO6JO3", "AIXC49", "HKEG34");
        assertThat(served.get("calls").get(0).get("result").get("origin").asText()).isEqualTo("JFK");
        assertThat(tools.calls().calls()).extracting(CallLog.Call::tool).containsOnly("get_reservation_details").hasSize(3);

        tools.calls().clear();
        tools.data().dropReservation("AIXC49");
        JsonNode escalated = run("s-2", TOKEN);

        assertThat(escalated.get("outcome").asText()).as(escalated.toString()).isEqualTo("escalated");
        assertThat(escalated.get("resumeIndex").asInt()).isEqualTo(2);
        assertThat(escalated.get("check").get("kind").asText()).isEqualTo("TOOL_ERROR");
        assertThat(escalated.get("failedCall").get("arguments").get("reservation_id").asText()).isEqualTo("AIXC49");
        assertThat(tools.calls().calls()).extracting(c -> c.arguments().get("reservation_id").asText())
                .containsExactly("NO6JO3", "AIXC49");

        await().atMost(DEADLINE).untilAsserted(() -> {
            pollReports();
            assertThat(reports).extracting(ConsumerRecord::key).containsExactly(PROCEDURE_ID, PROCEDURE_ID);
        });
        assertThat(reports).extracting(r -> r.value().getOutcome())
                .containsExactly(ExecutionOutcome.SERVED, ExecutionOutcome.ESCALATED);
        ExecutionReport escalation = reports.get(1).value();
        assertThat(escalation.getSessionId()).isEqualTo("s-2");
        assertThat(escalation.getResumeIndex()).isEqualTo(2);
        assertThat(escalation.getStepsRun()).isZero();
        assertThat(escalation.getReason()).contains("AIXC49 not found");
        assertThat(escalation.getExecutorId()).isEqualTo("run-it");
        assertThat(app.failedReports()).isZero();
    }

    @Test
    void shouldEscalateAtTheFirstFailingElementWhenTheLoopsReadsRunConcurrently() throws Exception {
        startExecutor(null);
        JsonNode served = run("s-1", TOKEN);

        assertThat(served.get("outcome").asText()).as(served.toString()).isEqualTo("served");
        assertThat(served.get("calls")).extracting(c -> c.get("result").get("reservation_id").asText())
                .containsExactly("NO6JO3", "AIXC49", "HKEG34");
        assertThat(served.get("calls")).extracting(c -> c.get("element").asInt()).containsExactly(0, 1, 2);

        tools.calls().clear();
        tools.data().dropReservation("AIXC49");
        JsonNode escalated = run("s-2", TOKEN);

        assertThat(escalated.get("outcome").asText()).as(escalated.toString()).isEqualTo("escalated");
        assertThat(escalated.get("resumeIndex").asInt()).isEqualTo(2);
        assertThat(escalated.get("calls")).extracting(c -> c.get("arguments").get("reservation_id").asText())
                .containsExactly("NO6JO3");
        assertThat(escalated.get("failedCall").get("arguments").get("reservation_id").asText()).isEqualTo("AIXC49");
        // The read of the element after the failing one may have been under way already; nothing else is called.
        assertThat(tools.calls().calls()).extracting(c -> c.arguments().get("reservation_id").asText())
                .contains("NO6JO3", "AIXC49").isSubsetOf("NO6JO3", "AIXC49", "HKEG34").doesNotHaveDuplicates();
        assertThat(tools.calls().calls()).extracting(CallLog.Call::tool).containsOnly("get_reservation_details");
    }

    @Test
    void shouldRefuseAnUnauthenticatedRunWithoutCallingAnyTool() throws Exception {
        startExecutor(null);
        HttpResponse<String> response = post("s-3", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("Bearer");
        assertThat(tools.calls().calls()).isEmpty();
    }

    private JsonNode run(String sessionId, String token) throws Exception {
        HttpResponse<String> response = post(sessionId, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String sessionId, String token) throws Exception {
        String body = """
                {"sessionId": "%s", "request": {"text": "What are my reservations? I am mia_li_3668"},
                 "steps": [{"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"},
                            "result": {"user_id": "mia_li_3668", "reservations": ["NO6JO3", "AIXC49", "HKEG34"]}}]}"""
                .formatted(sessionId);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + "/v1/continuations/run"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void pollReports() {
        Map<String, Object> settings = new HashMap<>(SharedKafka.clientConfig());
        settings.put("group.id", SharedKafka.uniqueTopic("reports-reader"));
        settings.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, ExecutionReport> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                AvroSerde.forValues(ExecutionReport.class, registry).deserializer())) {
            consumer.subscribe(List.of(executions));
            reports.clear();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(reports::add);
                return reports.size() >= 2;
            });
        }
    }
}
