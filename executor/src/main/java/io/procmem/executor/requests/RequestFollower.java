package io.procmem.executor.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.executor.api.ApiException;
import io.procmem.executor.api.OutcomeJson;
import io.procmem.executor.follow.TopicFollower;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves continuation requests from the requests topic for batch callers (see {@link RequestMessages} for the
 * messages): executors in one consumer group share the topic's partitions, each runs its requests through the
 * {@link RunService} and answers keyed by the request's key. Every request gets an answer, a malformed one an error
 * naming the field; nothing is dropped.
 *
 * <p>Delivery: at least once. An answer is sent (and flushed) before the request's offset is committed, so a crash
 * in between runs the request again; continuation run ids derive from the session, so a tool honouring idempotency
 * keys does not write twice. Requests run one at a time per executor, in order per partition; since a run calls
 * tools, keep {@code max.poll.records} x the slowest run under {@code max.poll.interval.ms}.
 */
public final class RequestFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestFollower.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final RunService service;
    private final Redactor redactor;
    private final String defaultReplyTo;
    private final KafkaProducer<String, byte[]> producer;
    private final TopicFollower follower;

    public RequestFollower(String requestsTopic, String defaultReplyTo, Map<String, Object> consumerConfig,
                           Map<String, Object> producerConfig, RunService service, Redactor redactor) {
        this.service = service;
        this.redactor = redactor;
        this.defaultReplyTo = defaultReplyTo;
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        this.follower = new TopicFollower(requestsTopic, consumerConfig, "earliest", this::onRequest);
    }

    public RequestFollower start() {
        follower.start();
        return this;
    }

    public boolean assigned() {
        return follower.assigned();
    }

    private void onRequest(ConsumerRecord<String, byte[]> record) {
        String replyTo = defaultReplyTo;
        ObjectNode answer;
        try {
            RequestMessages.Request request = RequestMessages.parse(record.value(), defaultReplyTo);
            replyTo = request.replyTo();
            answer = OutcomeJson.of(service.continueSession(request.session()), redactor);
        } catch (ApiException e) {
            LOG.info("request at {}-{} offset {} (key {}) refused: {} ({})", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage(), e.field());
            answer = RequestMessages.error(e.getMessage(), e.field());
        }
        try {
            // Waiting for the answer before the next request keeps "answered before committed" true.
            producer.send(new ProducerRecord<>(replyTo, record.key(), JSON.writeValueAsBytes(answer))).get();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering on " + replyTo, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot answer on topic " + replyTo + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        follower.close();
        producer.close(CLOSE_TIMEOUT);
    }
}
