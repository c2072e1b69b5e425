package io.procmem.ingest.config;

import io.procmem.ingest.trajectory.SessionDefaults;
import io.procmem.schemas.Topics;
import io.procmem.schemas.serde.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Configuration of the ingest client and importers. Keys not declared here pass through to the Kafka producer
 * (e.g. {@code client.id}, {@code security.protocol}), except that delivery guarantees the event ids rely on
 * ({@code acks=all}, {@code enable.idempotence=true}) cannot be weakened.
 */
public final class IngestConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = AvroSerde.REGISTRY_URL;
    public static final String TOPIC_STEPS = "topic.steps";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String AGENT_ID = "ingest.agent.id";
    public static final String FLEET = "ingest.fleet";
    public static final String SOURCE_NAME = "ingest.source.name";
    public static final String BASE_TIME_MS = "ingest.base.time.ms";
    public static final String EVENT_SPACING_MS = "ingest.event.spacing.ms";

    /** Base time meaning "when the import starts". */
    public static final long IMPORT_START = -1L;

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka brokers to write events to.")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Schema registry: http(s)://host:port, or mock://scope for one JVM.")
            .define(TOPIC_STEPS, Type.STRING, Topics.STEPS, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic of agent events (AgentEvent), keyed by session id.")
            .define(TOPIC_DLQ, Type.STRING, Topics.DLQ, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic of records that could not be imported (DeadLetter).")
            .define(AGENT_ID, Type.STRING, null, Importance.MEDIUM,
                    "Agent id of imported sessions whose record has no agent_id. Unset: the record's model, else the source name.")
            .define(FLEET, Type.STRING, "default", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Fleet (tenant) of imported sessions; procedures are mined and served per fleet.")
            .define(SOURCE_NAME, Type.STRING, null, Importance.LOW,
                    "Prefix of generated session ids. Unset: the file name without extension, lower case.")
            .define(BASE_TIME_MS, Type.LONG, IMPORT_START, ConfigDef.Range.atLeast(IMPORT_START), Importance.LOW,
                    "Timestamp (epoch ms) of the first imported event; -1 means the time the import starts."
                            + " Recordings carry no times of their own. Event ids do not depend on it, so re-imports are"
                            + " recognised whatever the base; a fixed base also makes them byte-identical. Keep it"
                            + " recent: the steps topic's time-based retention deletes old-stamped events, and brokers"
                            + " reject times more than an hour ahead.")
            .define(EVENT_SPACING_MS, Type.LONG, 1L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Milliseconds between consecutive imported events, across sessions.");

    // The producer must not see ingest's own keys; the registry's are for the serde.
    private static final Set<String> NOT_FOR_PRODUCER = Set.of(SCHEMA_REGISTRY_URL, TOPIC_STEPS, TOPIC_DLQ, AGENT_ID,
            FLEET, SOURCE_NAME, BASE_TIME_MS, EVENT_SPACING_MS, AvroSerde.BASIC_AUTH_USER_INFO, AvroSerde.AUTO_REGISTER);

    public IngestConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props);
        requireUnchanged(ProducerConfig.ACKS_CONFIG, "all", "-1");
        requireUnchanged(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }

    private void requireUnchanged(String key, String... allowed) {
        Object value = originals().get(key);
        if (value != null && !Set.of(allowed).contains(value.toString().trim().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(key, value, "ingest needs " + key + "=" + allowed[0]
                    + ": event ids deduplicate re-sends only if no acknowledged event can be lost or reordered");
        }
    }

    /**
     * Producer settings: the pass-through keys over ingest's defaults (lz4, linger 5 ms), then the fixed delivery
     * guarantees. {@code role} suffixes an explicit {@code client.id}, so two producers of one process differ.
     */
    public Map<String, Object> producerConfig(String role) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        originals().forEach((key, value) -> {
            if (!NOT_FOR_PRODUCER.contains(key)) {
                props.put(key, value);
            }
        });
        props.put(BOOTSTRAP_SERVERS, getString(BOOTSTRAP_SERVERS));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.computeIfPresent(ProducerConfig.CLIENT_ID_CONFIG, (key, id) -> id + "-" + role);
        return props;
    }

    /** Settings for {@link AvroSerde#configure}: the registry URL and any basic-auth or auto-register keys given. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> props = new HashMap<>(originals());
        props.put(SCHEMA_REGISTRY_URL, getString(SCHEMA_REGISTRY_URL));
        return props;
    }

    /**
     * A value serializer for {@code type} whose schema is already registered for {@code topic}, so a registry that is
     * down or refuses the schema fails before anything is sent.
     */
    public <T extends SpecificRecord> Serializer<T> registeredSerializer(Class<T> type, String topic) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(serdeConfig(), false);
        serde.registerFor(topic);
        return serde.serializer();
    }

    public String stepsTopic() {
        return getString(TOPIC_STEPS);
    }

    public String dlqTopic() {
        return getString(TOPIC_DLQ);
    }

    /** The configured base time, or now when it is {@link #IMPORT_START}. */
    public Instant baseTime() {
        long base = getLong(BASE_TIME_MS);
        return base == IMPORT_START ? Instant.now() : Instant.ofEpochMilli(base);
    }

    public Duration eventSpacing() {
        return Duration.ofMillis(getLong(EVENT_SPACING_MS));
    }

    /** What the reader fills in for records of {@code file}. */
    public SessionDefaults sessionDefaults(Path file) {
        SessionDefaults derived = SessionDefaults.forFile(file, getString(AGENT_ID), getString(FLEET));
        String source = getString(SOURCE_NAME);
        return source == null ? derived : new SessionDefaults(source, derived.agentId(), derived.fleet());
    }
}
