package io.procmem.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent wire format: one magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary body.
 * Any Confluent-compatible consumer (Java, JavaScript, Python, ksqlDB, Flink) reads what procmem writes.
 */
public final class WireFormat {
    public static final byte MAGIC = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id of a framed payload; throws a {@link SerializationException} naming what is wrong. */
    public static int schemaId(byte[] data) {
        if (data == null || data.length < HEADER_SIZE) {
            throw new SerializationException("not Confluent wire format: " + (data == null ? "null" : data.length + " bytes")
                    + ", need at least " + HEADER_SIZE);
        }
        if (data[0] != MAGIC) {
            throw new SerializationException("not Confluent wire format: first byte is " + data[0] + ", expected magic byte 0");
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    static byte[] frame(int schemaId, byte[] body) {
        return ByteBuffer.allocate(HEADER_SIZE + body.length).put(MAGIC).putInt(schemaId).put(body).array();
    }
}
