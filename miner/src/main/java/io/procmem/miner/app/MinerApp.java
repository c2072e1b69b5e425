package io.procmem.miner.app;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.DeadLetter;
import io.procmem.avro.PatternTrend;
import io.procmem.miner.api.MinerStores;
import io.procmem.miner.api.Peers;
import io.procmem.miner.api.QueryHandler;
import io.procmem.miner.api.QueryServer;
import io.procmem.miner.api.StreamsPeers;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.lifecycle.FeedbackTopics;
import io.procmem.miner.topology.MinerTopology;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the miner topology: owns the {@link KafkaStreams} client, logs its state transitions, replaces crashed
 * stream threads within a bounded-failures policy and closes within a timeout. Registers the schemas it writes at
 * start, so neither the DLQ path nor the first procedure waits on the registry mid-stream (and a registry that is
 * down is reported at start, not as a failing task). Creates the executions and trends topics when missing and serves
 * the query API ({@code miner.http.*}) while running. The API binds before the Streams client is created, so the
 * client can advertise the bound port (also an ephemeral one) as {@code application.server} to the other instances.
 */
public final class MinerApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MinerApp.class);
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    private final MinerConfig config;
    private final Topology topology;
    private volatile KafkaStreams streams;
    private volatile Peers peers = Peers.NONE;
    private volatile HostInfo self;
    private QueryServer api;

    /** Builds the topology (a configuration error surfaces here); nothing runs before {@link #start()}. */
    public MinerApp(MinerConfig config) {
        this.config = config;
        this.topology = MinerTopology.build(config);
    }

    /** Registers the output schemas, then starts processing in the background. */
    public void start() {
        AvroSerde.forValues(DeadLetter.class, config.registryUrl()).registerFor(config.dlqTopic());
        AvroSerde.forValues(CompiledProcedure.class, config.registryUrl()).registerFor(config.proceduresTopic());
        AvroSerde.forValues(PatternTrend.class, config.registryUrl()).registerFor(config.getString(MinerConfig.TOPIC_TRENDS));
        FeedbackTopics.ensure(config);
        LOG.info("starting miner {}: {} -> {} (dead letters to {})", config.applicationId(), config.stepsTopic(),
                config.proceduresTopic(), config.dlqTopic());
        // The API binds first, so a taken port stops start-up before any record is processed.
        String advertisedHost = config.advertisedHttpHost();
        api = QueryServer.start(config.getString(MinerConfig.HTTP_HOST), config.getInt(MinerConfig.HTTP_PORT),
                new QueryHandler(MinerStores.of(() -> streams, () -> self), () -> peers.others(),
                        Duration.ofMillis(config.getLong(MinerConfig.HTTP_PEER_TIMEOUT_MS)),
                        config.getLong(MinerConfig.TRENDS_WINDOW_MS), Clock.systemUTC()));
        self = new HostInfo(advertisedHost, api.port());
        LOG.info("miner {} query API on {}:{} (advertised to other instances as {}:{})", config.applicationId(),
                config.getString(MinerConfig.HTTP_HOST), api.port(), self.host(), self.port());
        Properties props = MinerTopology.streamsProperties(config);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        KafkaStreams client = new KafkaStreams(topology, props);
        client.setStateListener((now, before) -> LOG.info("miner {} went from {} to {}", config.applicationId(), before, now));
        client.setUncaughtExceptionHandler(new BoundedFailuresHandler(config.getInt(MinerConfig.MAX_THREAD_FAILURES),
                FAILURE_WINDOW, Clock.systemUTC()));
        streams = client;
        peers = new StreamsPeers(client, self);
        client.start();
    }

    /** Port of the query API; valid after {@link #start()}. */
    public int httpPort() {
        return api.port();
    }

    /** The Streams client's state; {@code CREATED} before {@link #start()}. */
    public KafkaStreams.State state() {
        KafkaStreams client = streams;
        return client == null ? KafkaStreams.State.CREATED : client.state();
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        KafkaStreams client = streams;
        if (client == null) {
            return;
        }
        Duration timeout = Duration.ofMillis(config.getLong(MinerConfig.CLOSE_TIMEOUT_MS));
        // Leaving the group lets a restarted or remaining instance take the tasks at once, instead of after the
        // session timeout (45 s) during which nobody processes them.
        if (!client.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout))) {
            LOG.warn("miner {} did not shut down within {}", config.applicationId(), timeout);
        }
    }
}
