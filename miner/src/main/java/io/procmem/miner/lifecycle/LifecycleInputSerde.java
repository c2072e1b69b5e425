package io.procmem.miner.lifecycle;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionReport;
import io.procmem.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link LifecycleInput} on the internal repartition topic: one tag byte ({@code P} procedure, {@code R}
 * report) and the value in the Confluent wire format. The two types are registered under subjects of their own
 * ({@code <topic>.procedure-value}, {@code <topic>.report-value}) so a registry's compatibility checks compare each
 * type only with its own earlier versions, and a rolling upgrade reads what the previous version wrote.
 */
final class LifecycleInputSerde {
    private static final byte PROCEDURE = 'P';
    private static final byte REPORT = 'R';

    private LifecycleInputSerde() {
    }

    static Serde<LifecycleInput> of(String registryUrl) {
        AvroSerde<CompiledProcedure> procedures = AvroSerde.forValues(CompiledProcedure.class, registryUrl);
        AvroSerde<ExecutionReport> reports = AvroSerde.forValues(ExecutionReport.class, registryUrl);
        Serializer<LifecycleInput> serializer = (topic, input) -> {
            if (input == null) {
                return null;
            }
            byte[] body = input.procedure() != null
                    ? procedures.serializer().serialize(topic + ".procedure", input.procedure())
                    : reports.serializer().serialize(topic + ".report", input.report());
            return ByteBuffer.allocate(body.length + 1).put(input.procedure() != null ? PROCEDURE : REPORT).put(body).array();
        };
        Deserializer<LifecycleInput> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0) {
                throw new SerializationException("empty lifecycle input on " + topic);
            }
            byte[] body = Arrays.copyOfRange(bytes, 1, bytes.length);
            return switch (bytes[0]) {
                case PROCEDURE -> LifecycleInput.of(procedures.deserializer().deserialize(topic + ".procedure", body));
                case REPORT -> LifecycleInput.of(reports.deserializer().deserialize(topic + ".report", body));
                default -> throw new SerializationException("unknown lifecycle input tag " + bytes[0] + " on " + topic);
            };
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
