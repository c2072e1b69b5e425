package io.procmem.executor.requests;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.app.ExecutorApp;
import io.procmem.executor.app.ExecutorFixture;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.executor.sample.SampleToolServer;
import io.procmem.testkit.SharedKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch callers on Kafka: JSON requests in, JSON answers keyed like the request out, errors naming the field. */
class RequestTopicIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = """
            {"sessionId": "%s", %s "steps": [{"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"},
             "result": {"user_id": "mia_li_3668", "reservations": ["NO6JO3", "AIXC49", "HKEG34"]}}]}""";

    private final ExecutorFixture fixture = new ExecutorFixture();
    private final String requests = SharedKafka.uniqueTopic("requests");
    private final String responses = SharedKafka.uniqueTopic("responses");
    private final String ownReplies = SharedKafka.uniqueTopic("own-replies");
    private SampleToolServer tools;
    private ExecutorApp app;

    @BeforeEach
    void setUp() throws Exception {
        SharedKafka.createTopics(2, requests, responses, ownReplies);
        fixture.publish(userReservations("p-user-reservations", ProcedureStatus.AUTONOMOUS));
        tools = SampleToolServer.start("127.0.0.1", 0);
        Map<String, Object> settings = fixture.settings("requests-it");
        settings.put(ExecutorConfig.GATEWAY_TYPE, "mcp");
        settings.put(ExecutorConfig.GATEWAY_URL, tools.mcpUrl());
        settings.put(ExecutorConfig.REQUESTS_ENABLED, true);
        settings.put(ExecutorConfig.TOPIC_REQUESTS, requests);
        settings.put(ExecutorConfig.TOPIC_RESPONSES, responses);
        settings.put(ExecutorConfig.REQUESTS_GROUP, SharedKafka.uniqueTopic("requests-group"));
        app = ExecutorApp.start(new ExecutorConfig(settings));
    }

    @AfterEach
    void tearDown() {
        app.close();
        tools.close();
    }

    @Test
    void shouldAnswerEveryRequestKeyedLikeItOnItsReplyTopic() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(new HashMap<>(SharedKafka.clientConfig()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(requests, "s-good", GOOD.formatted("s-good", ""))).get();
            producer.send(new ProducerRecord<>(requests, "s-bad", "{\"sessionId\": \"s-bad\", \"steps\": [{}]}")).get();
            producer.send(new ProducerRecord<>(requests, "s-own", GOOD.formatted("s-own",
                    "\"replyTo\": \"" + ownReplies + "\","))).get();
        }

        Map<String, JsonNode> answers = read(responses, 2);
        Map<String, JsonNode> own = read(ownReplies, 1);

        assertThat(answers.get("s-good").get("outcome").asText()).isEqualTo("served");
        assertThat(answers.get("s-good").get("calls")).hasSize(3);
        assertThat(answers.get("s-bad").get("field").asText()).isEqualTo("steps[0].tool");
        assertThat(answers.get("s-bad").get("error").asText()).contains("tool");
        assertThat(own.get("s-own").get("outcome").asText()).isEqualTo("served");
    }

    private static Map<String, JsonNode> read(String topic, int expected) {
        Map<String, Object> settings = new HashMap<>(SharedKafka.clientConfig());
        settings.put("group.id", SharedKafka.uniqueTopic("answers-reader"));
        settings.put("auto.offset.reset", "earliest");
        Map<String, JsonNode> answers = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(ExecutorFixture.DEADLINE).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    answers.put(record.key(), JSON.readTree(record.value()));
                }
                return answers.size() >= expected;
            });
        }
        return answers;
    }
}
