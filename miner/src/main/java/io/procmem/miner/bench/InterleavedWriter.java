package io.procmem.miner.bench;

import io.procmem.avro.AgentEvent;
import io.procmem.schemas.serde.AvroSerde;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes sessions to the steps topic the way a fleet does: {@code open} sessions in progress at once, the next event
 * taken from a random one of them, each record keyed by session id and serialized in the Confluent wire format.
 * Sends are asynchronous and batched; {@link #write} returns once every record is acknowledged.
 */
final class InterleavedWriter implements AutoCloseable {
    private final KafkaProducer<String, AgentEvent> producer;
    private final String topic;
    private final int open;
    private final Random random;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    InterleavedWriter(String bootstrapServers, String registryUrl, String topic, int open, long seed) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "procmem-bench-writer");
        Serializer<AgentEvent> values = AvroSerde.forValues(AgentEvent.class, registryUrl).serializer();
        this.producer = new KafkaProducer<>(props, new StringSerializer(), values);
        this.topic = topic;
        this.open = open;
        this.random = new Random(seed);
    }

    /** Writes every session of {@code sessions}, interleaved; returns the number of events written. */
    long write(Iterator<List<AgentEvent>> sessions) {
        List<Iterator<AgentEvent>> inProgress = new ArrayList<>(open);
        long written = 0;
        while (sessions.hasNext() || !inProgress.isEmpty()) {
            while (inProgress.size() < open && sessions.hasNext()) {
                inProgress.add(sessions.next().iterator());
            }
            int pick = random.nextInt(inProgress.size());
            Iterator<AgentEvent> session = inProgress.get(pick);
            send(session.next());
            written++;
            if (!session.hasNext()) {
                // Swap-remove keeps this O(1); the order of open sessions does not matter.
                inProgress.set(pick, inProgress.get(inProgress.size() - 1));
                inProgress.remove(inProgress.size() - 1);
            }
        }
        producer.flush();
        Exception failed = firstFailure.get();
        if (failed != null) {
            throw new IllegalStateException("the broker refused bench events: " + failed.getMessage(), failed);
        }
        return written;
    }

    /** Sends one event and waits for its acknowledgement: for latency probes, where the send time matters. */
    void sendNow(AgentEvent event) {
        await(send(event));
    }

    private Future<RecordMetadata> send(AgentEvent event) {
        return producer.send(new ProducerRecord<>(topic, event.getSessionId(), event), (metadata, error) -> {
            if (error != null) {
                firstFailure.compareAndSet(null, error);
            }
        });
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a bench event: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing bench events", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
