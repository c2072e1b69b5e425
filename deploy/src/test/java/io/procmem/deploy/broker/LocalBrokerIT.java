package io.procmem.deploy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.deploy.stack.FreePorts;
import io.procmem.deploy.stack.StackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LocalBrokerIT {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBrokerIT.class);
    private static final String TOPIC = "local-broker-it";

    @TempDir
    Path stackDir;

    private LocalBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldKeepTopicsAndRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        StackConfig config = FreePorts.stackOnFreePorts(stackDir);
        broker = new LocalBroker(config);

        Duration firstStart = broker.start();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "session-1", "step-1")).get();
        }
        assertThat(consumeOne().value()).isEqualTo("step-1");
        broker.stop();
        assertThat(broker.isRunning()).isFalse();

        Duration secondStart = broker.start();
        try (Admin admin = admin()) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains(TOPIC);
        }
        ConsumerRecord<String, String> kept = consumeOne();
        assertThat(kept.key()).isEqualTo("session-1");
        assertThat(kept.value()).isEqualTo("step-1");
        LOG.info("broker start time: first {} ms, second {} ms", firstStart.toMillis(), secondStart.toMillis());
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(props);
    }

    private ConsumerRecord<String, String> consumeOne() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-broker-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
            throw new AssertionError("no record on " + TOPIC + " within 30 s");
        }
    }
}
