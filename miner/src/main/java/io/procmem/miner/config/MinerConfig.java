package io.procmem.miner.config;

import io.procmem.miner.candidates.LearnFrom;
import io.procmem.miner.review.Thresholds;
import io.procmem.miner.review.ToolEffects;
import io.procmem.miner.review.WritePolicy;
import io.procmem.schemas.Topics;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The miner's configuration: every key with type, default, validator and doc. Keys not declared here are passed
 * through to Kafka Streams unchanged by {@link #toStreamsProperties()}, so any Streams, consumer or producer setting
 * (e.g. {@code statestore.cache.max.bytes}) can be given alongside.
 *
 * <p>The review thresholds' docs give the reasoning behind each default. Write thresholds apply only under
 * {@code miner.write.policy=strict}.
 */
public final class MinerConfig extends AbstractConfig {
    public static final String APPLICATION_ID = StreamsConfig.APPLICATION_ID_CONFIG;
    public static final String BOOTSTRAP_SERVERS = StreamsConfig.BOOTSTRAP_SERVERS_CONFIG;
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String TOPIC_STEPS = "topic.steps";
    public static final String TOPIC_PROCEDURES = "topic.procedures";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String TOPIC_EXECUTIONS = "topic.executions";
    public static final String TOPIC_TRENDS = "topic.trends";
    public static final String STATE_DIR = StreamsConfig.STATE_DIR_CONFIG;
    public static final String PROCESSING_GUARANTEE = StreamsConfig.PROCESSING_GUARANTEE_CONFIG;
    public static final String COMMIT_INTERVAL_MS = StreamsConfig.COMMIT_INTERVAL_MS_CONFIG;
    public static final String NUM_STREAM_THREADS = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
    public static final String REPLICATION_FACTOR = StreamsConfig.REPLICATION_FACTOR_CONFIG;
    public static final String LEARN_FROM = "miner.learn.from";
    public static final String MIN_LENGTH = "miner.min.length";
    public static final String MAX_LENGTH = "miner.max.length";
    public static final String MIN_SUPPORT = "miner.min.support";
    public static final String MIN_SESSIONS = "miner.min.sessions";
    public static final String MIN_AGENTS = "miner.min.agents";
    public static final String MIN_SUCCESS_RATE = "miner.min.success.rate";
    public static final String MIN_DETERMINISM = "miner.min.determinism";
    public static final String MIN_BINDING_CONSISTENCY = "miner.min.binding.consistency";
    public static final String VALIDATION_MIN_SAMPLES = "miner.validation.min.samples";
    public static final String VALIDATION_MIN_MATCH_RATE = "miner.validation.min.match.rate";
    public static final String SHADOW_MARGIN_FACTOR = "miner.shadow.margin.factor";
    public static final String WRITE_POLICY = "miner.write.policy";
    public static final String WRITE_MIN_SUPPORT = "miner.write.min.support";
    public static final String WRITE_MIN_SESSIONS = "miner.write.min.sessions";
    public static final String WRITE_MIN_SUCCESS_RATE = "miner.write.min.success.rate";
    public static final String WRITE_MIN_BINDING_CONSISTENCY = "miner.write.min.binding.consistency";
    public static final String WRITE_VALIDATION_MIN_SAMPLES = "miner.write.validation.min.samples";
    public static final String TOOLS_WRITE = "miner.tools.write";
    public static final String TOOLS_READ = "miner.tools.read";
    public static final String TOOLS_WRITE_PREFIXES = "miner.tools.write.prefixes";
    public static final String SAMPLE_SIZE = "miner.sample.size";
    public static final String SAMPLE_MAX_RESULT_BYTES = "miner.sample.max.result.bytes";
    public static final String CANDIDATE_TTL_MS = "miner.candidate.ttl.ms";
    public static final String CANDIDATE_MIN_SHARE = "miner.candidate.min.share";
    public static final String REEMIT_GROWTH = "miner.reemit.growth";
    public static final String SESSION_TIMEOUT_MS = "miner.session.timeout.ms";
    public static final String DEDUP_RETENTION_MS = "miner.dedup.retention.ms";
    public static final String PUNCTUATE_INTERVAL_MS = "miner.punctuate.interval.ms";
    public static final String REVIEW_INTERVAL_MS = "miner.review.interval.ms";
    public static final String MAX_THREAD_FAILURES = "miner.max.thread.failures.per.minute";
    public static final String CLOSE_TIMEOUT_MS = "miner.close.timeout.ms";
    public static final String ROCKSDB_CONFIG_SETTER = StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG;
    public static final String ROCKSDB_CACHE_BYTES = BoundedRocksDbConfig.CACHE_BYTES;
    public static final String ROCKSDB_WRITE_BUFFER_BYTES = BoundedRocksDbConfig.WRITE_BUFFER_BYTES;
    public static final String LIFECYCLE_SHADOW_MIN_PREDICTIONS = "miner.lifecycle.shadow.min.predictions";
    public static final String LIFECYCLE_PROMOTE_MIN_AGREEMENT = "miner.lifecycle.promote.min.agreement";
    public static final String LIFECYCLE_RETIRE_BELOW_AGREEMENT = "miner.lifecycle.retire.below.agreement";
    public static final String LIFECYCLE_DEMOTE_WINDOW_RUNS = "miner.lifecycle.demote.window.runs";
    public static final String LIFECYCLE_DEMOTE_MAX_ESCALATION_RATE = "miner.lifecycle.demote.max.escalation.rate";
    public static final String LIFECYCLE_RETIRE_CONSECUTIVE_FAILURES = "miner.lifecycle.retire.consecutive.failures";
    public static final String TRENDS_WINDOW_MS = "miner.trends.window.ms";
    public static final String TRENDS_RETENTION_MS = "miner.trends.retention.ms";
    public static final String TRENDS_UPDATE_INTERVAL_MS = "miner.trends.update.interval.ms";
    public static final String TOPICS_CREATE_PARTITIONS = "miner.topics.create.partitions";
    public static final String HTTP_HOST = "miner.http.host";
    public static final String HTTP_PORT = "miner.http.port";
    public static final String HTTP_ADVERTISED_HOST = "miner.http.advertised.host";
    public static final String HTTP_PEER_TIMEOUT_MS = "miner.http.peer.timeout.ms";

    /** Upper bound of a candidate's sampled results, leaving room under the changelog's 1 MB for the rest of the value. */
    static final long MAX_SAMPLED_BYTES = 768 * 1024;

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, "procmem-miner", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka Streams application id: consumer group, prefix of internal topics and state directories.")
            .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka brokers to connect to.")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Schema registry: http(s)://host:port or mock://scope (in-memory, one JVM).")
            .define(TOPIC_STEPS, Type.STRING, Topics.STEPS, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic of AgentEvent records keyed by session id.")
            .define(TOPIC_PROCEDURES, Type.STRING, Topics.PROCEDURES, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Compacted topic the compiled procedures are written to, keyed by procedure id.")
            .define(TOPIC_DLQ, Type.STRING, Topics.DLQ, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Dead-letter topic for records that cannot be decoded, validated or processed.")
            .define(TOPIC_EXECUTIONS, Type.STRING, Topics.EXECUTIONS, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic of the executors' ExecutionReport records, keyed by procedure id; they drive the lifecycle.")
            .define(TOPIC_TRENDS, Type.STRING, Topics.PATTERN_TRENDS, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic the windowed pattern counts (PatternTrend) are written to, keyed by pattern id.")
            .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "procmem-miner").toString(),
                    new ConfigDef.NonEmptyString(), Importance.MEDIUM, "Directory of the RocksDB state stores.")
            .define(PROCESSING_GUARANTEE, Type.STRING, StreamsConfig.EXACTLY_ONCE_V2,
                    ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE), Importance.MEDIUM,
                    "exactly_once_v2 (needs 3 brokers unless the transaction log replication is lowered) or at_least_once.")
            .define(COMMIT_INTERVAL_MS, Type.LONG, 500L, Range.atLeast(1), Importance.LOW,
                    "How often Streams commits; with exactly_once_v2 also how long downstream readers wait for output. "
                            + "A session crosses two commits (the repartition topic, then the procedures topic), so a "
                            + "procedure appears about two intervals after the session that completed it. 500 keeps "
                            + "that near one second; each halving costs throughput (more, smaller transactions).")
            .define(NUM_STREAM_THREADS, Type.INT, 1, Range.atLeast(1), Importance.LOW, "Stream threads per instance.")
            .define(REPLICATION_FACTOR, Type.INT, -1, Range.atLeast(-1), Importance.LOW,
                    "Replication factor of internal (changelog, repartition) topics; -1 uses the broker default.")
            .define(LEARN_FROM, Type.STRING, LearnFrom.ALL.configValue(), ValidString.in(LearnFrom.configValues()),
                    Importance.MEDIUM, "Which sessions are mined: 'all' (the default: failed sessions are counted too, "
                            + "so the success-rate review can judge a routine) or 'successful' (outcome SUCCESS only).")
            .define(MIN_LENGTH, Type.INT, 2, Range.between(1, 50), Importance.MEDIUM, "Shortest sequence mined, in steps.")
            .define(MAX_LENGTH, Type.INT, 6, Range.between(1, 50), Importance.MEDIUM,
                    "Longest sequence mined, in steps; the work per session grows with it.")
            .define(MIN_SUPPORT, Type.INT, 5, Range.atLeast(1), Importance.MEDIUM,
                    "Support review: occurrences a candidate needs to compile. Also the count below which unpublished "
                            + "figures age out. 5 is the fewest that leave held-out occurrences to validate on.")
            .define(MIN_SESSIONS, Type.INT, 3, Range.atLeast(1), Importance.MEDIUM,
                    "Support review: distinct sessions a candidate must occur in, so one long session cannot make a routine.")
            .define(MIN_AGENTS, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                    "Support review: distinct agents a candidate must be seen from. 1 suits a single agent; raise it in "
                            + "a fleet so one agent's habit is not taught to all.")
            .define(MIN_SUCCESS_RATE, Type.DOUBLE, 0.3, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "Success-rate review: share of the sessions containing a candidate that ended with SUCCESS. 0.3 keeps "
                            + "routines out of fleets that mostly fail with them; most sessions fail for reasons "
                            + "after a read-only routine, so a higher bar rejects sound lookups with the failures.")
            .define(MIN_DETERMINISM, Type.DOUBLE, 0.25, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "Determinism review: share of the first step's occurrences followed by exactly the rest of the "
                            + "routine. 0.25: a compiled routine is first a CANDIDATE or SHADOW, which does not act, and "
                            + "shadowing measures whether its continuation is right before it may; the bar only keeps "
                            + "out routines that follow their first step less than one time in four. In chat agents the "
                            + "next action depends on what the user just said, so higher bars reject most routines. A "
                            + "routine starts as SHADOW only at 0.625 or more (see miner.shadow.margin.factor).")
            .define(MIN_BINDING_CONSISTENCY, Type.DOUBLE, 0.8, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "Binding-consistency review: share of the sequence's occurrences in which each argument was bound "
                            + "by the routine's rule. 0.8 tolerates an agent's occasional detour, not a coin flip.")
            .define(VALIDATION_MIN_SAMPLES, Type.INT, 2, Range.atLeast(1), Importance.MEDIUM,
                    "Validation review: held-out sampled occurrences that must replay to exactly their recorded calls "
                            + "(all of them must). 2 is what half of a 5-occurrence sample leaves.")
            .define(VALIDATION_MIN_MATCH_RATE, Type.DOUBLE, 1.0, Range.between(0.0, 1.0), Importance.LOW,
                    "Validation review: share of held-out occurrences that must replay exactly. 1.0: one wrong call "
                            + "fails the routine. Write candidates (strict policy) always need 1.0.")
            .define(SHADOW_MARGIN_FACTOR, Type.DOUBLE, 2.0, Range.atLeast(1.0), Importance.LOW,
                    "A procedure starts as SHADOW instead of CANDIDATE when every review passes with margin: counts at "
                            + "this factor times their minimum, rates at least halfway from their minimum to 1, no write step.")
            .define(WRITE_POLICY, Type.STRING, WritePolicy.EXCLUDE.configValue(), ValidString.in(WritePolicy.configValues()),
                    Importance.HIGH, "Candidates with a WRITE step: 'exclude' (default: rejected, since a replayed write "
                            + "is not undone by escalating), 'strict' (held to the miner.write.* thresholds) or 'allow'.")
            .define(WRITE_MIN_SUPPORT, Type.INT, 20, Range.atLeast(1), Importance.LOW,
                    "Under the strict write policy: occurrences a write candidate needs (4x the read default).")
            .define(WRITE_MIN_SESSIONS, Type.INT, 10, Range.atLeast(1), Importance.LOW,
                    "Under the strict write policy: distinct sessions a write candidate needs.")
            .define(WRITE_MIN_SUCCESS_RATE, Type.DOUBLE, 0.9, Range.between(0.0, 1.0), Importance.LOW,
                    "Under the strict write policy: success rate a write candidate needs; a write that fails is costly.")
            .define(WRITE_MIN_BINDING_CONSISTENCY, Type.DOUBLE, 0.95, Range.between(0.0, 1.0), Importance.LOW,
                    "Under the strict write policy: binding consistency a write candidate needs.")
            .define(WRITE_VALIDATION_MIN_SAMPLES, Type.INT, 5, Range.atLeast(1), Importance.LOW,
                    "Under the strict write policy: held-out occurrences a write candidate must replay exactly.")
            .define(TOOLS_WRITE, Type.LIST, "", Importance.MEDIUM,
                    "Tools that change something (WRITE), whatever their name.")
            .define(TOOLS_READ, Type.LIST, "", Importance.MEDIUM,
                    "Tools that only read (READ), whatever their name; wins over miner.tools.write and the prefixes.")
            .define(TOOLS_WRITE_PREFIXES, Type.LIST, String.join(",", ToolEffects.DEFAULT_WRITE_PREFIXES), Importance.MEDIUM,
                    "A tool not listed in miner.tools.read or miner.tools.write is WRITE when its name starts with one "
                            + "of these, READ otherwise.")
            .define(SAMPLE_SIZE, Type.INT, 20, Range.between(2, 1000), Importance.LOW,
                    "Occurrences kept per candidate (a reservoir sample): the first half infers the bindings, the rest "
                            + "validates them.")
            .define(SAMPLE_MAX_RESULT_BYTES, Type.INT, 4096, Range.atLeast(64), Importance.LOW,
                    "Largest tool result (UTF-8 bytes) an occurrence may carry into the sample; an occurrence reading "
                            + "a larger one is counted but not sampled. Bounds the candidate-stats values.")
            .define(CANDIDATE_TTL_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1), Importance.LOW,
                    "Stream time after which figures of a never-published candidate or sequence seen fewer than "
                            + "miner.min.support times are forgotten.")
            .define(CANDIDATE_MIN_SHARE, Type.DOUBLE, 0.01, Range.between(0.0, 0.1), Importance.LOW,
                    "A never-published candidate seen fewer than miner.min.support times, in at most this share of its "
                            + "first step's occurrences since it was first seen, is forgotten at the next sweep (lossy "
                            + "counting): one-off candidates would otherwise grow state with traffic until their TTL. "
                            + "A candidate that can compile holds a far larger share (its sequence follows at least "
                            + "miner.min.determinism of its first step). 0 keeps every candidate until its TTL.")
            .define(REEMIT_GROWTH, Type.DOUBLE, 2.0, Range.atLeast(1.0), Importance.LOW,
                    "A published procedure is re-published with fresh figures when its occurrences grow by this factor "
                            + "since its last emission; 1.0 re-publishes on every new occurrence.")
            .define(SESSION_TIMEOUT_MS, Type.LONG, Duration.ofMinutes(30).toMillis(), Range.atLeast(1), Importance.MEDIUM,
                    "Wall-clock idle time after which an open session is closed (UNKNOWN outcome, or incomplete when "
                            + "its end arrived but announced steps are missing).")
            .define(DEDUP_RETENTION_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1), Importance.LOW,
                    "How long finished session ids are remembered so a re-sent session is not counted twice.")
            .define(REVIEW_INTERVAL_MS, Type.LONG, 1_000L, Range.atLeast(0), Importance.LOW,
                    "Shortest time (wall clock) between two reviews of one candidate. A candidate not reviewed within "
                            + "it, or whose count just reached the support thresholds, is reviewed as soon as a session "
                            + "counts it, so a new routine compiles at once; one counted again sooner waits for the next "
                            + "tick of this interval, so a hot candidate counted "
                            + "by thousands of sessions a second is reviewed about once per interval. 0 reviews on "
                            + "every count.")
            .define(PUNCTUATE_INTERVAL_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW,
                    "How often idle sessions and expired session ids are swept.")
            .define(MAX_THREAD_FAILURES, Type.INT, 3, Range.atLeast(0), Importance.LOW,
                    "Stream-thread crashes per minute that are answered by replacing the thread; one more stops the client.")
            .define(CLOSE_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
                    "How long close() waits for Streams to shut down cleanly.")
            .define(ROCKSDB_CONFIG_SETTER, Type.CLASS, BoundedRocksDbConfig.class, Importance.LOW,
                    "RocksDBConfigSetter for every store; the default bounds all stores of the process to one shared"
                            + " block cache and write-buffer manager.")
            .define(ROCKSDB_CACHE_BYTES, Type.LONG, BoundedRocksDbConfig.DEFAULT_CACHE_BYTES, Range.atLeast(1),
                    Importance.LOW, "Off-heap RocksDB memory shared by all stores of the process: block cache, write"
                            + " buffers, index and filter blocks.")
            .define(ROCKSDB_WRITE_BUFFER_BYTES, Type.LONG, BoundedRocksDbConfig.DEFAULT_WRITE_BUFFER_BYTES,
                    Range.atLeast(1), Importance.LOW, "Part of that memory that memtables may fill before they are"
                            + " flushed; must not exceed " + BoundedRocksDbConfig.CACHE_BYTES + ".")
            .define(LIFECYCLE_SHADOW_MIN_PREDICTIONS, Type.INT, 20, Range.atLeast(1), Importance.MEDIUM,
                    "Shadow predictions (agreed + disagreed) a SHADOW procedure needs since its last status change "
                            + "before its agreement is judged. 20 makes one disagreement cost 5 points, not a verdict.")
            .define(LIFECYCLE_PROMOTE_MIN_AGREEMENT, Type.DOUBLE, 0.95, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "A SHADOW procedure becomes AUTONOMOUS when its agreement over at least "
                            + LIFECYCLE_SHADOW_MIN_PREDICTIONS + " predictions reaches this share: it acts only when "
                            + "it predicted the agent's own calls 19 times in 20.")
            .define(LIFECYCLE_RETIRE_BELOW_AGREEMENT, Type.DOUBLE, 0.5, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "A SHADOW procedure is RETIRED when its agreement over at least " + LIFECYCLE_SHADOW_MIN_PREDICTIONS
                            + " predictions is below this share (wrong more often than right); between this and "
                            + LIFECYCLE_PROMOTE_MIN_AGREEMENT + " it keeps shadowing. Must not exceed that key.")
            .define(LIFECYCLE_DEMOTE_WINDOW_RUNS, Type.INT, 20, Range.between(1, 1000), Importance.MEDIUM,
                    "Runs (SERVED + ESCALATED) of an AUTONOMOUS procedure over which its escalation rate is measured; "
                            + "it is judged once it has run this many times since its last status change.")
            .define(LIFECYCLE_DEMOTE_MAX_ESCALATION_RATE, Type.DOUBLE, 0.2, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "An AUTONOMOUS procedure goes back to SHADOW when more than this share of its last "
                            + LIFECYCLE_DEMOTE_WINDOW_RUNS + " runs escalated: it stops acting and is measured again.")
            .define(LIFECYCLE_RETIRE_CONSECUTIVE_FAILURES, Type.INT, 10, Range.atLeast(1), Importance.MEDIUM,
                    "A CANDIDATE or AUTONOMOUS procedure whose last this-many runs since its last status change all "
                            + "failed (ESCALATED or SHADOW_DISAGREED) is RETIRED: a routine that no longer works at all.")
            .define(TRENDS_WINDOW_MS, Type.LONG, Duration.ofHours(1).toMillis(), Range.atLeast(1000), Importance.MEDIUM,
                    "Size of the tumbling windows (aligned to the epoch) in which pattern occurrences are counted.")
            .define(TRENDS_RETENTION_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1000), Importance.LOW,
                    "How long (stream time) the pattern-trends store keeps a window; observations older than this "
                            + "are logged and not counted. Must be at least " + TRENDS_WINDOW_MS + ".")
            .define(TRENDS_UPDATE_INTERVAL_MS, Type.LONG, Duration.ofMinutes(1).toMillis(), Range.atLeast(100),
                    Importance.LOW, "How often (wall clock) the counts of windows still open and changed since the last "
                            + "update are written to " + TOPIC_TRENDS + ". A window's final counts are written once when "
                            + "stream time passes its end, whatever this says; these updates are for readers who want the "
                            + "current hour before it ends.")
            .define(TOPICS_CREATE_PARTITIONS, Type.INT, 1, Range.atLeast(1), Importance.LOW,
                    "Partitions of " + TOPIC_EXECUTIONS + " and " + TOPIC_TRENDS + " when the miner has to create "
                            + "them at start (a miner may start before any executor has reported).")
            .define(HTTP_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Address the query API binds to.")
            .define(HTTP_PORT, Type.INT, 8082, Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the query API (patterns, procedures, health); 0 picks a free one.")
            .define(HTTP_ADVERTISED_HOST, Type.STRING, "", Importance.MEDIUM,
                    "Host name the other miner instances reach this one's query API at (sent to them as Kafka Streams' "
                            + "application.server, with the bound port). Empty: " + HTTP_HOST + ", or this machine's "
                            + "host name when that is a wildcard address such as 0.0.0.0.")
            .define(HTTP_PEER_TIMEOUT_MS, Type.LONG, 5000L, Range.atLeast(1), Importance.LOW,
                    "How long a query waits for another miner instance's share before answering 503 naming it.");

    public MinerConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
        if (getInt(MAX_LENGTH) < getInt(MIN_LENGTH)) {
            throw new ConfigException(MAX_LENGTH, getInt(MAX_LENGTH), "must be at least " + MIN_LENGTH + " (" + getInt(MIN_LENGTH) + ")");
        }
        long sampled = (long) getInt(SAMPLE_SIZE) * Math.max(1, getInt(MAX_LENGTH) - 1) * getInt(SAMPLE_MAX_RESULT_BYTES);
        if (sampled > MAX_SAMPLED_BYTES) {
            throw new ConfigException(SAMPLE_MAX_RESULT_BYTES, getInt(SAMPLE_MAX_RESULT_BYTES), SAMPLE_SIZE + " x ("
                    + MAX_LENGTH + " - 1) x " + SAMPLE_MAX_RESULT_BYTES + " = " + sampled + " bytes exceeds " + MAX_SAMPLED_BYTES
                    + ": a candidate-stats value would not fit the changelog's default 1 MB record limit");
        }
    }

    /** Thresholds for read-only candidates (and write ones under policy allow). */
    public Thresholds thresholds() {
        return new Thresholds(getInt(MIN_SUPPORT), getInt(MIN_SESSIONS), getInt(MIN_AGENTS), getDouble(MIN_SUCCESS_RATE),
                getDouble(MIN_DETERMINISM), getDouble(MIN_BINDING_CONSISTENCY), getInt(VALIDATION_MIN_SAMPLES),
                getDouble(VALIDATION_MIN_MATCH_RATE), getDouble(SHADOW_MARGIN_FACTOR));
    }

    /** Thresholds for candidates with a WRITE step under policy strict. */
    public Thresholds writeThresholds() {
        return new Thresholds(getInt(WRITE_MIN_SUPPORT), getInt(WRITE_MIN_SESSIONS), getInt(MIN_AGENTS),
                getDouble(WRITE_MIN_SUCCESS_RATE), getDouble(MIN_DETERMINISM), getDouble(WRITE_MIN_BINDING_CONSISTENCY),
                getInt(WRITE_VALIDATION_MIN_SAMPLES), 1.0, getDouble(SHADOW_MARGIN_FACTOR));
    }

    public WritePolicy writePolicy() {
        return WritePolicy.fromConfig(getString(WRITE_POLICY));
    }

    public ToolEffects toolEffects() {
        return new ToolEffects(new HashSet<>(getList(TOOLS_WRITE)), new HashSet<>(getList(TOOLS_READ)),
                getList(TOOLS_WRITE_PREFIXES));
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String registryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public String stepsTopic() {
        return getString(TOPIC_STEPS);
    }

    public String proceduresTopic() {
        return getString(TOPIC_PROCEDURES);
    }

    public String dlqTopic() {
        return getString(TOPIC_DLQ);
    }

    public LearnFrom learnFrom() {
        return LearnFrom.fromConfig(getString(LEARN_FROM));
    }

    /**
     * Properties for {@code KafkaStreams}: undeclared keys first (pass-through, so {@code topic.}-prefixed keys other
     * than ours reach internal topics as Streams intends), then the declared Streams keys and the registry URL, which
     * the exception handlers read. The {@code topic.*} names are left out: Streams would take them for topic configs.
     * The handlers themselves are set by {@code MinerTopology.streamsProperties}.
     */
    public Properties toStreamsProperties() {
        Properties props = new Properties();
        originals().forEach((key, value) -> {
            if (!DEFINITION.names().contains(key)) {
                props.put(key, value);
            }
        });
        for (String key : new String[] {APPLICATION_ID, BOOTSTRAP_SERVERS, STATE_DIR, PROCESSING_GUARANTEE,
                COMMIT_INTERVAL_MS, NUM_STREAM_THREADS, REPLICATION_FACTOR, SCHEMA_REGISTRY_URL, ROCKSDB_CONFIG_SETTER,
                ROCKSDB_CACHE_BYTES, ROCKSDB_WRITE_BUFFER_BYTES}) {
            props.put(key, get(key));
        }
        return props;
    }

    /** The host other instances reach this one's query API at: see {@value #HTTP_ADVERTISED_HOST}. */
    public String advertisedHttpHost() {
        String advertised = getString(HTTP_ADVERTISED_HOST).trim();
        if (!advertised.isEmpty()) {
            return advertised;
        }
        String bound = getString(HTTP_HOST);
        if (bound.equals("0.0.0.0") || bound.equals("::") || bound.equals("[::]")) {
            try {
                return InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                throw new ConfigException(HTTP_ADVERTISED_HOST, "", "this machine's host name cannot be found ("
                        + e.getMessage() + "); set " + HTTP_ADVERTISED_HOST + " since " + HTTP_HOST + " is " + bound);
            }
        }
        return bound;
    }
}
