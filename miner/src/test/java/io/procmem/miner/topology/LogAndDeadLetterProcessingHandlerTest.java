package io.procmem.miner.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.DeadLetter;
import io.procmem.schemas.dlq.DeadLetters;
import io.procmem.schemas.registry.SchemaRegistryException;
import io.procmem.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogAndDeadLetterProcessingHandlerTest {
    private final String registry = "mock://handler-" + UUID.randomUUID();
    private final LogAndDeadLetterProcessingHandler handler = new LogAndDeadLetterProcessingHandler();
    private final byte[] key = "sig".getBytes(StandardCharsets.UTF_8);
    private final byte[] value = "{\"broken\":true}".getBytes(StandardCharsets.UTF_8);
    private final ErrorHandlerContext context = new Context("app-candidates-by-signature-repartition", 2, 41L, key, value);

    @BeforeEach
    void configure() {
        handler.configure(Map.of("schema.registry.url", registry, HandlerDeadLetters.DLQ_TOPIC_CONFIG, "the-dlq"));
    }

    @Test
    void shouldDeadLetterAPoisonRecordWithItsSourceBytesAndContinue() {
        Response response = handler.handleError(context, new Record<>("sig", "x", 0L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
        assertThat(letter.topic()).isEqualTo("the-dlq");
        assertThat(letter.key()).isEqualTo(key);
        assertThat(new String(letter.headers().lastHeader(DeadLetters.HEADER_STAGE).value(), StandardCharsets.UTF_8))
                .isEqualTo("process");
        DeadLetter decoded = AvroSerde.forValues(DeadLetter.class, registry).deserializer().deserialize("the-dlq", letter.value());
        assertThat(decoded.getReason()).contains("boom");
        assertThat(decoded.getSource()).isEqualTo("app-candidates-by-signature-repartition");
        assertThat(decoded.getPartition()).isEqualTo(2);
        assertThat(decoded.getOffset()).isEqualTo(41L);
        assertThat(decoded.getOriginalValue().array()).isEqualTo(value);
        assertThat(decoded.getExceptionClass()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void shouldFailTheTaskRatherThanDeadLetterWhenTheRegistryIsUnreachable() {
        Exception outage = new IllegalStateException("wrapped", new SchemaRegistryException("registry unreachable", -1));

        Response response = handler.handleError(context, new Record<>("sig", "x", 0L), outage);

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private record Context(String topic, int partition, long offset, byte[] sourceRawKey, byte[] sourceRawValue)
            implements ErrorHandlerContext {
        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return Names.COUNT_CANDIDATES;
        }

        @Override
        public TaskId taskId() {
            return new TaskId(1, partition);
        }

        @Override
        public long timestamp() {
            return 0;
        }
    }
}
