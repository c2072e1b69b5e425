package io.procmem.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.DeadLetter;
import io.procmem.ingest.config.IngestConfig;
import io.procmem.ingest.importer.ImportSummary.Problem;
import io.procmem.schemas.dlq.DeadLetters;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryImporterIT {
    private static final String BAD_RECORD = "{\"task_id\": 7, \"traj\": [{\"role\": \"user\", \"content\": \"hi\"},"
            + " {\"role\": \"tool\", \"tool_call_id\": \"call_9\", \"name\": \"think\", \"content\": \"\"}]}";
    private static final String BAD_REASON = "messages[1] (tool) answers unknown tool_call_id 'call_9'";

    @TempDir
    Path dir;

    private final String registryUrl = "mock://ingest-it-" + UUID.randomUUID();
    private final String stepsTopic = SharedKafka.uniqueTopic("steps");
    private final String dlqTopic = SharedKafka.uniqueTopic("dlq");
    private Path file;

    @BeforeEach
    void writeFileAndTopics() throws Exception {
        SharedKafka.createTopics(3, stepsTopic, dlqTopic);
        String good = "{\"task_id\": 12, \"trial\": 3, \"reward\": 1.0, \"traj\": ["
                + "{\"role\": \"user\", \"content\": \"change my flight\"},"
                + call("c1", "get_user_details", "{\\\"user_id\\\":\\\"mia\\\"}") + "," + answer("c1", "get_user_details") + ","
                + call("c2", "get_reservation_details", "{\\\"reservation_id\\\":\\\"R1\\\"}") + "," + answer("c2", "get_reservation_details")
                + "]}";
        String other = "{\"id\": \"web-42\", \"messages\": [{\"role\": \"user\", \"content\": \"cancel\"},"
                + call("c1", "cancel_reservation", "{}") + "," + answer("c1", "cancel_reservation") + "]}";
        file = Files.writeString(dir.resolve("airline-runs.json"), "[\n" + good + ",\n" + BAD_RECORD + ",\n" + other + "\n]\n");
    }

    private static String call(String id, String tool, String arguments) {
        return "{\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"" + id + "\", \"function\": {\"name\": \"" + tool
                + "\", \"arguments\": \"" + arguments + "\"}}]}";
    }

    private static String answer(String id, String tool) {
        return "{\"role\": \"tool\", \"tool_call_id\": \"" + id + "\", \"name\": \"" + tool + "\", \"content\": \"{}\"}";
    }

    private static final long BASE_TIME_MS = System.currentTimeMillis() - 3_600_000L;

    private IngestConfig config() {
        // A fixed base time (an hour ago, so the broker accepts it) makes re-imports byte-identical.
        return new IngestConfig(Map.of("bootstrap.servers", SharedKafka.bootstrapServers(), "schema.registry.url", registryUrl,
                "topic.steps", stepsTopic, "topic.dlq", dlqTopic, "client.id", "importer-it",
                "ingest.base.time.ms", BASE_TIME_MS));
    }

    @Test
    void shouldPublishGoodSessionsInOrderAndDeadLetterTheMalformedRecordOnEveryImport() throws Exception {
        ImportSummary first;
        try (TrajectoryImporter importer = TrajectoryImporter.create(config())) {
            first = importer.importFile(file);
        }
        ImportSummary second;
        try (TrajectoryImporter importer = TrajectoryImporter.create(config())) {
            second = importer.importFile(file);
        }

        assertThat(first.sessions()).isEqualTo(2);
        assertThat(first.events()).isEqualTo(7);
        assertThat(first.problems()).containsExactly(new Problem(1, BAD_REASON));
        assertThat(second.events()).isEqualTo(first.events());

        List<ConsumerRecord<String, byte[]>> steps = consume(stepsTopic, 14);
        AvroSerde<AgentEvent> events = AvroSerde.forValues(AgentEvent.class, registryUrl);
        Map<String, List<String>> idsByKey = new LinkedHashMap<>();
        Map<String, List<byte[]>> bytesById = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : steps) {
            AgentEvent event = events.deserializer().deserialize(stepsTopic, record.value());
            assertThat(record.key()).isEqualTo(event.getSessionId());
            assertThat(record.timestamp()).isEqualTo(event.getTimestamp().toEpochMilli());
            idsByKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.getEventId());
            bytesById.computeIfAbsent(event.getEventId(), k -> new ArrayList<>()).add(record.value());
        }
        assertThat(idsByKey).containsOnlyKeys("airline-runs-t12-r3", "web-42");
        assertThat(idsByKey.get("airline-runs-t12-r3")).containsExactly("airline-runs-t12-r3:0", "airline-runs-t12-r3:1",
                "airline-runs-t12-r3:2", "airline-runs-t12-r3:3", "airline-runs-t12-r3:0", "airline-runs-t12-r3:1",
                "airline-runs-t12-r3:2", "airline-runs-t12-r3:3");
        assertThat(idsByKey.get("web-42")).containsExactly("web-42:0", "web-42:1", "web-42:2", "web-42:0", "web-42:1", "web-42:2");
        assertThat(bytesById).hasSize(7).allSatisfy((id, copies) -> {
            assertThat(copies).hasSize(2);
            assertThat(copies.get(1)).isEqualTo(copies.get(0));
        });

        List<ConsumerRecord<String, byte[]>> letters = consume(dlqTopic, 2);
        AvroSerde<DeadLetter> deadLetters = AvroSerde.forValues(DeadLetter.class, registryUrl);
        for (ConsumerRecord<String, byte[]> record : letters) {
            DeadLetter letter = deadLetters.deserializer().deserialize(dlqTopic, record.value());
            assertThat(letter.getStage()).isEqualTo("import");
            assertThat(letter.getSource()).isEqualTo("airline-runs.json#1");
            assertThat(letter.getReason()).isEqualTo(BAD_REASON);
            assertThat(bytes(letter.getOriginalValue())).isEqualTo(BAD_RECORD.getBytes(StandardCharsets.UTF_8));
            assertThat(record.key()).isEqualTo("airline-runs.json#1");
            assertThat(header(record, DeadLetters.HEADER_REASON)).isEqualTo(BAD_REASON);
            assertThat(header(record, DeadLetters.HEADER_SOURCE)).isEqualTo("airline-runs.json#1");
            assertThat(header(record, DeadLetters.HEADER_STAGE)).isEqualTo("import");
        }
    }

    @Test
    void shouldImportTheBundledTauBenchFileWhole() throws Exception {
        Path bundled = Path.of("../data/tau-bench-airline-gpt4o/gpt-4o-airline.json");

        ImportSummary summary;
        try (TrajectoryImporter importer = TrajectoryImporter.create(config())) {
            summary = importer.importFile(bundled);
        }

        // 200 episodes, each a start and an end around its steps, and 1,164 tool calls in all.
        assertThat(summary.sessions()).isEqualTo(200);
        assertThat(summary.events()).isEqualTo(200 * 2 + 1164);
        assertThat(summary.problems()).isEmpty();
        List<ConsumerRecord<String, byte[]>> steps = consume(stepsTopic, 1564);
        assertThat(steps).extracting(ConsumerRecord::key).doesNotContainNull();
        assertThat(steps.stream().map(ConsumerRecord::key).distinct()).hasSize(200);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Every record of {@code topic}, waiting until {@code expected} have arrived. */
    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
        Map<String, Object> props = new HashMap<>(SharedKafka.clientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // Anything beyond the expected count would be a duplicate the test must see.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        assertThat(records).hasSize(expected);
        return records;
    }
}
