package io.procmem.executor.config;

import io.procmem.executor.gateway.GatewaySettings;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RetryPolicy;
import io.procmem.schemas.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of one executor. Keys it does not declare pass through to its Kafka consumer and producer (see
 * {@link #consumerConfig()}), so e.g. {@code security.protocol} can be set alongside.
 *
 * <p>Besides the declared keys, each tool can have its own gateway: {@code executor.tools.<tool>.gateway}
 * ({@code http} or {@code mcp}), {@code executor.tools.<tool>.url} and optionally
 * {@code executor.tools.<tool>.timeout.ms} (default: {@value #GATEWAY_TIMEOUT_MS}). Tools without one use the
 * {@code executor.gateway.*} default, if set.
 */
public final class ExecutorConfig extends AbstractConfig {
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String TOPIC_PROCEDURES = "topic.procedures";
    public static final String EXECUTOR_ID = "executor.id";
    public static final String STARTUP_CATCHUP_TIMEOUT_MS = "startup.catchup.timeout.ms";
    public static final String HTTP_MAX_BODY_BYTES = "http.max.body.bytes";
    public static final String TOPIC_EXECUTIONS = "topic.executions";
    public static final String API_TOKEN = "executor.api.token";
    public static final String SERVE_CANDIDATES = "executor.serve.candidates";
    public static final String REDACT_PATTERN = "executor.redact.pattern";
    public static final String TOKENS_PER_DECISION = "executor.tokens.per.decision";
    public static final String GATEWAY_TYPE = "executor.gateway.type";
    public static final String GATEWAY_URL = "executor.gateway.url";
    public static final String GATEWAY_TIMEOUT_MS = "executor.gateway.timeout.ms";
    public static final String RETRY_MAX_ATTEMPTS = "executor.retry.max.attempts";
    public static final String RETRY_BACKOFF_MS = "executor.retry.backoff.ms";
    public static final String FOREACH_PARALLELISM = "executor.foreach.parallelism";
    public static final String MCP_ENABLED = "executor.mcp.enabled";
    public static final String MCP_MAX_TOOLS = "executor.mcp.max.tools";
    public static final String MCP_SYNC_INTERVAL_MS = "executor.mcp.sync.interval.ms";
    public static final String TOPIC_STEPS = "topic.steps";
    public static final String SHADOW_ENABLED = "executor.shadow.enabled";
    public static final String SHADOW_GROUP = "executor.shadow.group";
    public static final String SHADOW_MAX_SESSIONS = "executor.shadow.max.sessions";
    public static final String SHADOW_SESSION_TTL_MS = "executor.shadow.session.ttl.ms";
    public static final String REQUESTS_ENABLED = "executor.requests.enabled";
    public static final String REQUESTS_GROUP = "executor.requests.group";
    public static final String TOPIC_REQUESTS = "topic.requests";
    public static final String TOPIC_RESPONSES = "topic.responses";
    /** Prefix of the per-tool gateway keys (not declared: the tool names are the user's). */
    public static final String TOOLS_PREFIX = "executor.tools.";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Address the HTTP API binds to; 0.0.0.0 for every interface.")
            .define(PORT, Type.INT, 8080, Range.between(0, 65535), Importance.HIGH,
                    "Port of the HTTP API; 0 picks a free ephemeral port.")
            .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka brokers to read procedures from.")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Schema registry: http(s)://host:port, or mock://scope for an in-memory one in this JVM.")
            .define(TOPIC_PROCEDURES, Type.STRING, Topics.PROCEDURES, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Compacted topic of compiled procedures, read whole at start and followed while running.")
            .define(EXECUTOR_ID, Type.STRING, "", Importance.MEDIUM,
                    "Id of this executor in logs, client ids and reports; empty means host name plus a random suffix.")
            .define(STARTUP_CATCHUP_TIMEOUT_MS, Type.LONG, 60_000L, Range.atLeast(0), Importance.LOW,
                    "How long start-up waits to read the procedures topic to its end before serving anyway "
                            + "(health then says STARTING until it has).")
            .define(HTTP_MAX_BODY_BYTES, Type.INT, 1 << 20, Range.atLeast(1), Importance.LOW,
                    "Largest request body the API accepts; larger ones get 413.")
            .define(TOPIC_EXECUTIONS, Type.STRING, Topics.EXECUTIONS, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic the executor writes an ExecutionReport to for every run (served, escalated, no match).")
            .define(API_TOKEN, Type.PASSWORD, null, Importance.HIGH,
                    "Bearer token callers must send (Authorization: Bearer <token>) to run procedures, which calls "
                            + "tools. Unset: the run endpoints answer 503; the read-only endpoints stay open.")
            .define(SERVE_CANDIDATES, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Whether CANDIDATE procedures are run as well as AUTONOMOUS ones. True by default until the miner "
                            + "promotes procedures itself; set false to run only AUTONOMOUS ones.")
            .define(REDACT_PATTERN, Type.STRING, Redactor.DEFAULT_PATTERN,
                    ConfigDef.LambdaValidator.with(ExecutorConfig::validRegex, () -> "a Java regular expression"),
                    Importance.MEDIUM,
                    "Arguments whose names match this regular expression are shown as *** in escalation answers, "
                            + "execution reports and logs.")
            .define(TOKENS_PER_DECISION, Type.INT, 1500, Range.atLeast(0), Importance.LOW,
                    "Model tokens one tool-call decision is assumed to cost, for the tokens-avoided estimate "
                            + "(tool calls served x this). An estimate, not a measurement.")
            .define(GATEWAY_TYPE, Type.STRING, "none", ConfigDef.ValidString.in("none", "http", "mcp"), Importance.HIGH,
                    "Default gateway for tools without their own executor.tools.<tool>.gateway: http (POST the "
                            + "arguments to executor.gateway.url), mcp (tools/call on the MCP server at "
                            + "executor.gateway.url) or none.")
            .define(GATEWAY_URL, Type.STRING, "", Importance.HIGH,
                    "URL of the default gateway: for http a template where {tool} stands for the tool name "
                            + "(e.g. http://tools:9000/tools/{tool}); for mcp the MCP endpoint (e.g. http://tools:9000/mcp).")
            .define(GATEWAY_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.MEDIUM,
                    "How long one tool call may take, for the default gateway and for tools without their own "
                            + "executor.tools.<tool>.timeout.ms.")
            .define(RETRY_MAX_ATTEMPTS, Type.INT, 3, Range.between(1, 10), Importance.LOW,
                    "Attempts in all for a READ step whose call does not get through (timeout, connection error, 5xx). "
                            + "WRITE and UNKNOWN steps are never retried.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 200L, Range.atLeast(0), Importance.LOW,
                    "Pause before the first retry of a READ step; it doubles with each retry, up to 5 s.")
            .define(FOREACH_PARALLELISM, Type.INT, 4, Range.between(1, 64), Importance.LOW,
                    "Most calls of one foreach step over a READ tool under way at once; 1 calls the elements one "
                            + "after the other. WRITE and UNKNOWN steps always do, and steps never overlap. Results "
                            + "keep the list's order and a run escalates at the first failing element in that order; "
                            + "no element is started after a failed one, but reads of later elements already under "
                            + "way are finished and dropped, so a tool may see up to this minus 1 extra reads.")
            .define(MCP_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Whether the HTTP server also serves MCP (streamable HTTP) at /mcp, listing the servable "
                            + "procedures as tools. It needs the same bearer token as the run endpoints.")
            .define(MCP_MAX_TOOLS, Type.INT, 500, Range.between(1, 10_000), Importance.LOW,
                    "Most procedures listed as MCP tools, best supported first; the others stay reachable over HTTP.")
            .define(MCP_SYNC_INTERVAL_MS, Type.LONG, 1_000L, Range.atLeast(10), Importance.LOW,
                    "How often the MCP tool list is brought in line with the procedures held; clients are sent "
                            + "notifications/tools/list_changed when it changed.")
            .define(TOPIC_STEPS, Type.STRING, Topics.STEPS, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic of agent step events (AgentEvent) that shadow mode follows.")
            .define(SHADOW_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Whether this executor judges SHADOW procedures: it follows topic.steps, predicts each next call "
                            + "a SHADOW procedure would make (without calling any tool) and reports whether the agent agreed.")
            .define(SHADOW_GROUP, Type.STRING, "procmem-executor-shadow", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Consumer group of the shadow follower: one group for all executors, so each session is judged once.")
            .define(SHADOW_MAX_SESSIONS, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
                    "Most sessions the shadow follower keeps state for; the least recently active is forgotten first.")
            .define(SHADOW_SESSION_TTL_MS, Type.LONG, 1_800_000L, Range.atLeast(1), Importance.LOW,
                    "A session with no event for this long is forgotten by the shadow follower.")
            .define(REQUESTS_ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Whether this executor serves continuation requests from topic.requests (JSON, for batch callers) "
                            + "and answers on their replyTo topic. The topics must exist.")
            .define(REQUESTS_GROUP, Type.STRING, "procmem-executor-requests", new ConfigDef.NonEmptyString(),
                    Importance.LOW, "Consumer group of the request followers: executors in one group share the requests.")
            .define(TOPIC_REQUESTS, Type.STRING, "procmem.requests", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Topic of continuation requests: key = session id, value = the JSON body of POST /v1/continuations/run"
                            + " plus an optional replyTo topic name.")
            .define(TOPIC_RESPONSES, Type.STRING, "procmem.responses", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Topic answers go to when a request names no replyTo.");

    private final String executorId;
    private final GatewaySettings defaultGateway;
    private final Map<String, GatewaySettings> toolGateways;

    /** @throws ConfigException naming the key at fault, including per-tool gateway keys */
    public ExecutorConfig(Map<?, ?> originals) {
        super(DEFINITION, originals);
        String configured = getString(EXECUTOR_ID).trim();
        this.executorId = configured.isEmpty() ? generatedId() : configured;
        Duration timeout = Duration.ofMillis(getLong(GATEWAY_TIMEOUT_MS));
        this.defaultGateway = getString(GATEWAY_TYPE).equals("none") ? null
                : ToolGatewayKeys.settings(GATEWAY_URL, getString(GATEWAY_TYPE), getString(GATEWAY_URL), timeout);
        this.toolGateways = ToolGatewayKeys.parse(originalsWithPrefix(TOOLS_PREFIX), timeout);
    }

    public String host() {
        return getString(HOST);
    }

    public int port() {
        return getInt(PORT);
    }

    public String bootstrapServers() {
        return getString(BOOTSTRAP_SERVERS);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public String proceduresTopic() {
        return getString(TOPIC_PROCEDURES);
    }

    /** The configured id, or the one generated for this instance (stable for the object's life). */
    public String executorId() {
        return executorId;
    }

    public Duration startupCatchUpTimeout() {
        return Duration.ofMillis(getLong(STARTUP_CATCHUP_TIMEOUT_MS));
    }

    public int maxBodyBytes() {
        return getInt(HTTP_MAX_BODY_BYTES);
    }

    public String executionsTopic() {
        return getString(TOPIC_EXECUTIONS);
    }

    /** The bearer token the run endpoints require, if one is configured. */
    public Optional<String> apiToken() {
        Password token = getPassword(API_TOKEN);
        return token == null || token.value().isEmpty() ? Optional.empty() : Optional.of(token.value());
    }

    public boolean serveCandidates() {
        return getBoolean(SERVE_CANDIDATES);
    }

    public Redactor redactor() {
        return new Redactor(Pattern.compile(getString(REDACT_PATTERN)));
    }

    public int tokensPerDecision() {
        return getInt(TOKENS_PER_DECISION);
    }

    /** The gateway for tools without their own, or empty when none is configured. */
    public Optional<GatewaySettings> defaultGateway() {
        return Optional.ofNullable(defaultGateway);
    }

    /** The gateways of the tools configured one by one, by tool name. */
    public Map<String, GatewaySettings> toolGateways() {
        return toolGateways;
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(getInt(RETRY_MAX_ATTEMPTS), Duration.ofMillis(getLong(RETRY_BACKOFF_MS)));
    }

    public int foreachParallelism() {
        return getInt(FOREACH_PARALLELISM);
    }

    public boolean mcpEnabled() {
        return getBoolean(MCP_ENABLED);
    }

    public int mcpMaxTools() {
        return getInt(MCP_MAX_TOOLS);
    }

    public Duration mcpSyncInterval() {
        return Duration.ofMillis(getLong(MCP_SYNC_INTERVAL_MS));
    }

    public String stepsTopic() {
        return getString(TOPIC_STEPS);
    }

    public boolean shadowEnabled() {
        return getBoolean(SHADOW_ENABLED);
    }

    public int shadowMaxSessions() {
        return getInt(SHADOW_MAX_SESSIONS);
    }

    public Duration shadowSessionTtl() {
        return Duration.ofMillis(getLong(SHADOW_SESSION_TTL_MS));
    }

    public boolean requestsEnabled() {
        return getBoolean(REQUESTS_ENABLED);
    }

    public String requestsTopic() {
        return getString(TOPIC_REQUESTS);
    }

    public String responsesTopic() {
        return getString(TOPIC_RESPONSES);
    }

    /** Settings for the shadow follower's consumer, in the group {@value #SHADOW_GROUP} names. */
    public Map<String, Object> shadowConsumerConfig() {
        return groupConfig("procmem-executor-shadow-" + executorId, getString(SHADOW_GROUP));
    }

    /** Settings for the request follower's consumer, in the group {@value #REQUESTS_GROUP} names. */
    public Map<String, Object> requestsConsumerConfig() {
        return groupConfig("procmem-executor-requests-" + executorId, getString(REQUESTS_GROUP));
    }

    /** Settings for the answers producer: idempotent, like the reports producer. */
    public Map<String, Object> responsesProducerConfig() {
        Map<String, Object> settings = clientConfig("procmem-executor-responses-" + executorId);
        settings.put("enable.idempotence", true);
        settings.put("acks", "all");
        return settings;
    }

    private Map<String, Object> groupConfig(String clientId, String group) {
        Map<String, Object> settings = clientConfig(clientId);
        settings.put("group.id", group);
        return settings;
    }

    /**
     * Settings for the procedures consumer: the keys this class does not declare (e.g. {@code security.protocol}),
     * then the brokers and a client id naming this executor.
     */
    public Map<String, Object> consumerConfig() {
        return clientConfig("procmem-executor-" + executorId);
    }

    /**
     * Settings for the reports producer: as for the consumer, made idempotent (acks=all) so a retried send does not
     * write a report twice.
     */
    public Map<String, Object> producerConfig() {
        Map<String, Object> settings = clientConfig("procmem-executor-reports-" + executorId);
        settings.put("enable.idempotence", true);
        settings.put("acks", "all");
        return settings;
    }

    private Map<String, Object> clientConfig(String clientId) {
        Map<String, Object> settings = new HashMap<>(originals());
        settings.keySet().removeAll(DEFINITION.names());
        settings.keySet().removeIf(key -> key.startsWith(TOOLS_PREFIX));
        settings.putIfAbsent("client.id", clientId);
        settings.put(BOOTSTRAP_SERVERS, bootstrapServers());
        return settings;
    }

    private static void validRegex(String name, Object value) {
        try {
            Pattern.compile((String) value);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, "not a regular expression: " + e.getDescription());
        }
    }

    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "executor";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
