package io.procmem.miner.lifecycle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.CompiledProcedure;
import io.procmem.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the {@code procedure-lifecycle} store value: a 4-byte length, the counters as JSON (unknown properties
 * ignored, so later versions may add counters), then the procedure in the Confluent wire format under the changelog
 * topic's subject, so restoring a store written by an earlier schema resolves it like any consumer would.
 */
public final class ProcedureLifecycleSerde {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProcedureLifecycleSerde() {
    }

    public static Serde<ProcedureLifecycle> of(String registryUrl) {
        AvroSerde<CompiledProcedure> procedures = AvroSerde.forValues(CompiledProcedure.class, registryUrl);
        Serializer<ProcedureLifecycle> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                byte[] counters = JSON.writeValueAsBytes(value.counters());
                byte[] procedure = procedures.serializer().serialize(topic, value.procedure());
                return ByteBuffer.allocate(4 + counters.length + procedure.length).putInt(counters.length).put(counters)
                        .put(procedure).array();
            } catch (IOException e) {
                throw new SerializationException("cannot write the lifecycle counters as JSON for " + topic, e);
            }
        };
        Deserializer<ProcedureLifecycle> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            int length = bytes.length >= 4 ? buffer.getInt() : -1;
            if (length < 0 || length > bytes.length - 4) {
                throw new SerializationException("corrupt procedure-lifecycle value on " + topic + ": counters length " + length);
            }
            try {
                LifecycleCounters counters = JSON.readValue(bytes, 4, length, LifecycleCounters.class);
                CompiledProcedure procedure = procedures.deserializer().deserialize(topic,
                        Arrays.copyOfRange(bytes, 4 + length, bytes.length));
                return new ProcedureLifecycle(procedure, counters);
            } catch (IOException e) {
                throw new SerializationException("cannot read the lifecycle counters on " + topic + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
