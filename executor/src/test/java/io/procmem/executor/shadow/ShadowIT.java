package io.procmem.executor.shadow;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.app.ExecutorApp;
import io.procmem.executor.app.ExecutorFixture;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shadow mode on the broker: agent steps in, a verdict on the executions topic out, no tool called. */
class ShadowIT {
    private final ExecutorFixture fixture = new ExecutorFixture();
    private final String steps = SharedKafka.uniqueTopic("steps");
    private ExecutorApp app;

    @BeforeEach
    void setUp() throws Exception {
        SharedKafka.createTopics(2, steps);
        fixture.publish(userReservations("p-shadow", ProcedureStatus.SHADOW));
        Map<String, Object> settings = fixture.settings("shadow-it");
        settings.put(ExecutorConfig.SHADOW_ENABLED, true);
        settings.put(ExecutorConfig.TOPIC_STEPS, steps);
        settings.put(ExecutorConfig.SHADOW_GROUP, SharedKafka.uniqueTopic("shadow-group"));
        // A new shadow group starts at the end; read from the start so events sent before it joined count.
        settings.put("auto.offset.reset", "earliest");
        app = ExecutorApp.start(new ExecutorConfig(settings));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void shouldReportAgreementAndDisagreementOfTheAgentsActualSteps() throws Exception {
        send(List.of(AgentEvents.started("agrees"), AgentEvents.userDetails("agrees"),
                AgentEvents.reservation("agrees", 1, "NO6JO3"),
                AgentEvents.started("differs"), AgentEvents.userDetails("differs"),
                AgentEvents.reservation("differs", 1, "AIXC49")));

        ExecutionReport agreed = fixture.awaitReport(r -> "agrees".equals(r.getSessionId()));
        ExecutionReport disagreed = fixture.awaitReport(r -> "differs".equals(r.getSessionId()));

        assertThat(agreed.getOutcome()).isEqualTo(ExecutionOutcome.SHADOW_AGREED);
        assertThat(agreed.getMode()).isEqualTo(ExecutionMode.SHADOW);
        assertThat(agreed.getProcedureId()).isEqualTo("p-shadow");
        assertThat(agreed.getExecutorId()).isEqualTo("shadow-it");
        assertThat(disagreed.getOutcome()).isEqualTo(ExecutionOutcome.SHADOW_DISAGREED);
        assertThat(disagreed.getReason()).contains("reservation_id").contains("NO6JO3").contains("AIXC49");
        assertThat(app.failedReports()).isZero();
    }

    private void send(List<AgentEvent> events) throws Exception {
        try (KafkaProducer<String, AgentEvent> producer = new KafkaProducer<>(new HashMap<>(SharedKafka.clientConfig()),
                new StringSerializer(), AvroSerde.forValues(AgentEvent.class, fixture.registry).serializer())) {
            for (AgentEvent event : events) {
                producer.send(new ProducerRecord<>(steps, event.getSessionId(), event)).get();
            }
        }
    }
}
