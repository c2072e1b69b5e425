package io.procmem.deploy.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the one-machine stack: where it keeps its files, the ports of its services, their limits.
 *
 * <p>Every key can be given three ways, strongest first: a command-line option ({@code broker.port} is
 * {@code --broker-port}), an environment variable ({@code PROCMEM_BROKER_PORT}), or the default below. The names are
 * derived from the key by {@link #optionName(String)} and {@link #envName(String)}, so the CLI's help, the error
 * messages and this definition cannot disagree.
 *
 * <p>Known limit: {@code status} shows the ports in effect for that command, so give it the same options or
 * environment as {@code up}.
 */
public final class StackConfig extends AbstractConfig {
    public static final String STACK_DIR = "stack.dir";
    public static final String BROKER_PORT = "broker.port";
    public static final String CONTROLLER_PORT = "controller.port";
    public static final String REGISTRY_PORT = "registry.port";
    public static final String EXECUTOR_PORT = "executor.port";
    public static final String MINER_PORT = "miner.port";
    public static final String TOOLS_PORT = "tools.port";
    public static final String BROKER_HEAP = "broker.heap";
    public static final String SERVICE_HEAP = "service.heap";
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String START_TIMEOUT_MS = "start.timeout.ms";
    public static final String STOP_TIMEOUT_MS = "stop.timeout.ms";

    private static final String ENV_PREFIX = "PROCMEM_";
    private static final Range PORT = Range.between(1, 65535);
    private static final ConfigDef.Validator HEAP_SIZE = ConfigDef.LambdaValidator.with((name, value) -> {
        if (value == null || !value.toString().matches("\\d+[kKmMgG]?")) {
            throw new ConfigException(name, value, "expected a JVM heap size such as 512m or 1g");
        }
    }, () -> "a JVM heap size such as 512m or 1g");

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(STACK_DIR, Type.STRING, ".procmem", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Directory holding the stack's data, logs and pid files; relative paths are resolved against"
                            + " the current directory. Survives restarts: delete it to start from scratch.")
            .define(BROKER_PORT, Type.INT, 9092, PORT, Importance.HIGH,
                    "Port of the Kafka broker's client listener, bound on 127.0.0.1.")
            .define(CONTROLLER_PORT, Type.INT, 9093, PORT, Importance.MEDIUM,
                    "Port of the Kafka broker's KRaft controller listener, bound on 127.0.0.1.")
            .define(REGISTRY_PORT, Type.INT, 8081, PORT, Importance.HIGH, "Port of the schema registry.")
            .define(EXECUTOR_PORT, Type.INT, 8080, PORT, Importance.HIGH, "Port of the executor's serving API.")
            .define(MINER_PORT, Type.INT, 8082, PORT, Importance.MEDIUM, "Port of the miner's query API.")
            .define(TOOLS_PORT, Type.INT, 9000, PORT, Importance.MEDIUM,
                    "Port of the sample tool server the demo runs; the executor's tool gateway in the generated"
                            + " <stack-dir>/executor.properties points at it until you point it at your own tools.")
            .define(BROKER_HEAP, Type.STRING, "512m", HEAP_SIZE, Importance.LOW,
                    "Maximum heap of the broker JVM (-Xmx).")
            .define(SERVICE_HEAP, Type.STRING, "512m", HEAP_SIZE, Importance.LOW,
                    "Maximum heap of each of the registry, miner and executor JVMs (-Xmx).")
            .define(BOOTSTRAP_SERVERS, Type.STRING, "", Importance.HIGH,
                    "Kafka cluster the services and commands use. Empty means the stack's own broker"
                            + " (127.0.0.1:<broker-port>); set it to run procmem against an existing cluster.")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "", Importance.HIGH,
                    "Schema registry (any Confluent-compatible REST API). Empty means the stack's own registry"
                            + " (http://127.0.0.1:<registry-port>).")
            .define(START_TIMEOUT_MS, Type.LONG, 120_000L, Range.atLeast(1), Importance.LOW,
                    "How long `up` waits for each service to become ready before giving up.")
            .define(STOP_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW,
                    "How long `down` waits for a service to stop after SIGTERM before killing it.");

    private StackConfig(Map<String, ?> values) {
        super(CONFIG_DEF, values, false);
    }

    /**
     * Resolves every key from the options given on the command line, else the environment, else the default.
     *
     * @param options values by config key (not by option name), only those the user gave
     * @param env     the process environment, e.g. {@code System.getenv()}
     */
    public static StackConfig resolve(Map<String, String> options, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (String key : CONFIG_DEF.names()) {
            String value = options.containsKey(key) ? options.get(key) : env.get(envName(key));
            if (value != null) {
                values.put(key, value);
            }
        }
        return new StackConfig(values);
    }

    /** {@code broker.port} is given on the command line as {@code --broker-port}. */
    public static String optionName(String key) {
        return "--" + key.replace('.', '-');
    }

    /** {@code broker.port} is read from the environment variable {@code PROCMEM_BROKER_PORT}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * The command-line options that reproduce this configuration exactly, every key included, so a child process
     * resolves the same values whatever its environment.
     */
    public List<String> asOptions() {
        List<String> args = new ArrayList<>();
        for (String key : CONFIG_DEF.names()) {
            args.add(optionName(key));
            args.add(key.equals(STACK_DIR) ? stackDir().toString() : String.valueOf(get(key)));
        }
        return args;
    }

    public Path stackDir() {
        return Path.of(getString(STACK_DIR)).toAbsolutePath().normalize();
    }

    /** The executor's own settings (API token, tool gateways), created by {@code up} if missing. */
    public Path executorSettings() {
        return stackDir().resolve("executor.properties");
    }

    /** The credentials that writes to the stack's own registry need, created on first use. */
    public Path registrySettings() {
        return stackDir().resolve("registry.properties");
    }

    /** Where the output of the named service goes. */
    public Path logFile(String service) {
        return stackDir().resolve("logs").resolve(service + ".log");
    }

    public int port(String key) {
        return getInt(key);
    }

    public String brokerHeap() {
        return getString(BROKER_HEAP);
    }

    public String serviceHeap() {
        return getString(SERVICE_HEAP);
    }

    /** The Kafka cluster to use: the configured one, else the stack's own broker. */
    public String bootstrapServers() {
        String configured = getString(BOOTSTRAP_SERVERS).trim();
        return configured.isEmpty() ? "127.0.0.1:" + port(BROKER_PORT) : configured;
    }

    /** True when the services use the stack's own broker rather than an existing cluster. */
    public boolean usesLocalBroker() {
        return getString(BOOTSTRAP_SERVERS).isBlank();
    }

    /** The schema registry to use, for display: the configured one, else the stack's own (no credentials). */
    public String registryUrl() {
        String configured = getString(SCHEMA_REGISTRY_URL).trim();
        return configured.isEmpty() ? "http://127.0.0.1:" + port(REGISTRY_PORT) : configured;
    }

    /**
     * The registry URL clients are given: the configured one as it is, else the stack's own with the credentials its
     * writes need ({@link RegistryCredentials}). Keep it out of logs and command lines.
     */
    public String registryClientUrl() {
        return usesLocalRegistry() ? RegistryCredentials.inUrl(registryUrl(), RegistryCredentials.userInfo(this))
                : registryUrl();
    }

    /** True when the services use the stack's own registry. */
    public boolean usesLocalRegistry() {
        return getString(SCHEMA_REGISTRY_URL).isBlank();
    }

    public Duration startTimeout() {
        return Duration.ofMillis(getLong(START_TIMEOUT_MS));
    }

    public Duration stopTimeout() {
        return Duration.ofMillis(getLong(STOP_TIMEOUT_MS));
    }
}
