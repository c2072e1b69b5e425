package io.procmem.schemas.serde;

import io.procmem.schemas.registry.SchemaRegistries;
import io.procmem.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generated Avro classes in the Confluent wire format, registering schemas under the topic-name strategy
 * ({@code <topic>-value} or {@code <topic>-key}). Reading resolves the writer's schema (fetched by id) against this
 * class's schema, so consumers keep working across BACKWARD-compatible schema changes.
 *
 * <p>Configuration: {@link #REGISTRY_URL}, {@link #BASIC_AUTH_USER_INFO}, {@link #AUTO_REGISTER}.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    public static final String REGISTRY_URL = "schema.registry.url";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String AUTO_REGISTER = "auto.register.schemas";

    private final Class<T> type;
    private final Schema readerSchema;
    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;

    public AvroSerde(Class<T> type) {
        this.type = type;
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    /** A serde already configured for values, against {@code registry}. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(Class<T> type, SchemaRegistryClient registry) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.registry = registry;
        return serde;
    }

    /** A serde for values configured from a registry URL ({@code http://...} or {@code mock://scope}). */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(Class<T> type, String registryUrl) {
        return forValues(type, SchemaRegistries.forUrl(registryUrl));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        Object url = configs.get(REGISTRY_URL);
        if (url == null) {
            throw new IllegalArgumentException(REGISTRY_URL + " is not set");
        }
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        this.registry = SchemaRegistries.forUrl(url.toString(), userInfo == null ? null : userInfo.toString());
        Object auto = configs.get(AUTO_REGISTER);
        this.autoRegister = auto == null || Boolean.parseBoolean(auto.toString());
    }

    /** Registers this type's schema for {@code topic} now, so the first record written does not wait on the registry. */
    public int registerFor(String topic) {
        return registry().register(subject(topic), readerSchema);
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            private final SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(readerSchema);
            private final Map<String, Integer> ids = new ConcurrentHashMap<>();

            @Override
            public byte[] serialize(String topic, T data) {
                if (data == null) {
                    return null;
                }
                int id = ids.computeIfAbsent(topic, t -> autoRegister
                        ? registry().register(subject(t), readerSchema)
                        : registry().idOf(subject(t), readerSchema));
                ByteArrayOutputStream out = new ByteArrayOutputStream(256);
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
                try {
                    writer.write(data, encoder);
                    encoder.flush();
                } catch (IOException | RuntimeException e) {
                    throw new SerializationException("cannot write " + type.getSimpleName() + " for topic " + topic + ": " + e.getMessage(), e);
                }
                return WireFormat.frame(id, out.toByteArray());
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

            @Override
            public T deserialize(String topic, byte[] data) {
                if (data == null) {
                    return null;
                }
                int id = WireFormat.schemaId(data);
                SpecificDatumReader<T> reader = readers.computeIfAbsent(id,
                        key -> new SpecificDatumReader<>(registry().schemaById(key), readerSchema));
                BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                        data.length - WireFormat.HEADER_SIZE, null);
                try {
                    return reader.read(null, decoder);
                } catch (IOException | RuntimeException e) {
                    throw new SerializationException("cannot read " + type.getSimpleName() + " (schema id " + id
                            + ") from topic " + topic + ": " + e, e);
                }
            }
        };
    }

    private String subject(String topic) {
        return topic + (isKey ? "-key" : "-value");
    }

    private SchemaRegistryClient registry() {
        if (registry == null) {
            throw new IllegalStateException("AvroSerde for " + type.getSimpleName() + " is not configured: set " + REGISTRY_URL);
        }
        return registry;
    }
}
