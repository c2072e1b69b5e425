package io.procmem.registry;

import io.procmem.registry.store.CompatibilityLevel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the schema registry. Keys it does not declare (security settings, client ids) pass through to the Kafka
 * clients of the store topic, as in every procmem module.
 */
public final class RegistryConfig extends AbstractConfig {
    public static final String HOST_CONFIG = "host";
    public static final String PORT_CONFIG = "port";
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String KAFKASTORE_TOPIC_CONFIG = "kafkastore.topic";
    public static final String COMPATIBILITY_LEVEL_CONFIG = "compatibility.level";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(HOST_CONFIG, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Address the HTTP server binds to; 0.0.0.0 listens on every interface.")
            .define(PORT_CONFIG, Type.INT, 8081, ConfigDef.Range.between(0, 65535), Importance.HIGH,
                    "HTTP port; 0 picks a free ephemeral port (tests).")
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.STRING, "", Importance.HIGH,
                    "Kafka brokers holding the store topic. Empty keeps schemas in memory only: ids are lost on restart.")
            .define(KAFKASTORE_TOPIC_CONFIG, Type.STRING, "_schemas", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Compacted topic that persists every change; created (1 partition, cleanup.policy=compact) if missing.")
            .define(COMPATIBILITY_LEVEL_CONFIG, Type.STRING, CompatibilityLevel.BACKWARD.name(),
                    ConfigDef.CaseInsensitiveValidString.in(names()), Importance.MEDIUM,
                    "Global compatibility level until changed with PUT /config.")
            .define(BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, "", Importance.HIGH,
                    "user:password that every request changing state (POST, PUT, DELETE) must present as HTTP basic "
                            + "auth; other requests get 401. Reads (GET) stay open, so tools that only decode records "
                            + "need no secret. Empty: no authentication (bind to loopback). The one-machine stack "
                            + "generates one into its directory.");

    public RegistryConfig(Map<?, ?> props) {
        super(CONFIG, props, false);
    }

    public String host() {
        return getString(HOST_CONFIG);
    }

    public int port() {
        return getInt(PORT_CONFIG);
    }

    /** The {@code user:password} writes must present, or empty when writes are open. */
    public Optional<String> writeCredentials() {
        String value = getPassword(BASIC_AUTH_USER_INFO_CONFIG).value();
        if (value.isBlank()) {
            return Optional.empty();
        }
        if (value.indexOf(':') <= 0) {
            throw new ConfigException(BASIC_AUTH_USER_INFO_CONFIG, "[hidden]", "must be user:password");
        }
        return Optional.of(value);
    }

    /** True when changes are persisted to Kafka. */
    public boolean persistent() {
        return !bootstrapServers().isBlank();
    }

    public String bootstrapServers() {
        return getString(BOOTSTRAP_SERVERS_CONFIG).trim();
    }

    public String topic() {
        return getString(KAFKASTORE_TOPIC_CONFIG);
    }

    public CompatibilityLevel compatibilityLevel() {
        return CompatibilityLevel.parse(getString(COMPATIBILITY_LEVEL_CONFIG));
    }

    /** Settings for the store topic's producer, consumer and admin client: the undeclared keys plus the brokers. */
    public Map<String, Object> kafkaClientProps() {
        Map<String, Object> props = new HashMap<>(originals());
        CONFIG.names().forEach(props::remove);
        props.put(BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    private static String[] names() {
        return Arrays.stream(CompatibilityLevel.values()).map(Enum::name).toArray(String[]::new);
    }
}
