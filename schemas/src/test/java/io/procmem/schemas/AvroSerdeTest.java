package io.procmem.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.StepStatus;
import io.procmem.avro.ToolStep;
import io.procmem.schemas.registry.InMemorySchemaRegistry;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.schemas.serde.WireFormat;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private final String scope = "serde-" + UUID.randomUUID();

    private static AgentEvent step() {
        return AgentEvent.newBuilder()
                .setEventId("s1:1").setSessionId("s1").setTimestamp(Instant.ofEpochMilli(1_700_000_000_000L))
                .setPayload(ToolStep.newBuilder().setStepIndex(0).setTool("get_user_details")
                        .setArgumentsJson("{\"user_id\":\"mia_li_3668\"}").setResultJson("{\"name\":\"Mia\"}")
                        .setStatus(StepStatus.OK).build())
                .build();
    }

    @Test
    void shouldFrameValuesInConfluentWireFormatAndReadThemBack() {
        AvroSerde<AgentEvent> serde = new AvroSerde<>(AgentEvent.class);
        serde.configure(Map.of(AvroSerde.REGISTRY_URL, "mock://" + scope), false);

        byte[] bytes = serde.serializer().serialize("procmem.steps", step());

        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC);
        int id = WireFormat.schemaId(bytes);
        assertThat(InMemorySchemaRegistry.scope(scope).schemaById(id)).isEqualTo(AgentEvent.getClassSchema());
        assertThat(InMemorySchemaRegistry.scope(scope).idOf("procmem.steps-value", AgentEvent.getClassSchema())).isEqualTo(id);
        assertThat(serde.deserializer().deserialize("procmem.steps", bytes)).isEqualTo(step());
    }

    @Test
    void shouldNameTheProblemWhenBytesAreNotWireFormat() {
        AvroSerde<AgentEvent> serde = AvroSerde.forValues(AgentEvent.class, "mock://" + scope);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "garbage".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2 bytes");
    }

    @Test
    void shouldNameTheSchemaIdWhenTheBodyIsCorrupt() {
        AvroSerde<AgentEvent> serde = AvroSerde.forValues(AgentEvent.class, "mock://" + scope);
        byte[] bytes = serde.serializer().serialize("t", step());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 12);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + WireFormat.schemaId(bytes));
    }

    @Test
    void shouldRefuseToWriteUnregisteredSchemaWhenAutoRegisterIsOff() {
        AvroSerde<AgentEvent> serde = new AvroSerde<>(AgentEvent.class);
        serde.configure(Map.of(AvroSerde.REGISTRY_URL, "mock://" + scope, AvroSerde.AUTO_REGISTER, "false"), false);
        assertThatThrownBy(() -> serde.serializer().serialize("unregistered", step()))
                .hasMessageContaining("not registered under subject unregistered-value");
    }
}
