package io.procmem.miner.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Jackson serde for the miner's internal values: session buffers, candidate stats and the observations crossing the
 * repartition topic. Writes Smile, Jackson's binary form of the JSON data model: these values carry tool results as
 * JSON text, which textual JSON must escape character by character on every write and unescape on every read, and
 * that cost dominated the miner's profile. Reads Smile, recognised by its header, and textual JSON, so stores and
 * topics written by earlier versions stay readable. Unknown properties are ignored on read, so a later version can
 * add components to these records without breaking state written by this one.
 *
 * <p>Known limit: values are no longer readable with a plain console consumer; decode them with a Smile-aware tool
 * (e.g. Jackson's {@code SmileFactory}).
 */
public final class JsonSerde {
    private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Smile's header ({@code :)\n}), which the Smile writer emits first by default. */
    private static final byte[] SMILE_HEADER = {':', ')', '\n'};

    private JsonSerde() {
    }

    public static <T> Serde<T> of(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return SMILE.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " as Smile for " + topic, e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return (isSmile(bytes) ? SMILE : JSON).readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " (Smile or JSON) from " + topic
                        + ": " + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static boolean isSmile(byte[] bytes) {
        return bytes.length >= SMILE_HEADER.length && bytes[0] == SMILE_HEADER[0] && bytes[1] == SMILE_HEADER[1]
                && bytes[2] == SMILE_HEADER[2];
    }
}
