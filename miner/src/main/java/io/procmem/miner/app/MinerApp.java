package io.procmem.miner.app;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.DeadLetter;
import io.procmem.avro.PatternTrend;
import io.procmem.miner.api.MinerStores;
import io.procmem.miner.api.QueryHandler;
import io.procmem.miner.api.QueryServer;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.lifecycle.FeedbackTopics;
import io.procmem.miner.topology.MinerTopology;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the miner topology: owns the {@link KafkaStreams} client, logs its state transitions, replaces crashed
 * stream threads within a bounded-failures policy and closes within a timeout. Registers the schemas it writes at
 * start, so neither the DLQ path nor the first procedure waits on the registry mid-stream (and a registry that is
 * down is reported at start, not as a failing task). Creates the executions and trends topics when missing and serves
 * the query API ({@code miner.http.*}) while running.
 */
public final class MinerApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MinerApp.class);
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);

    private final MinerConfig config;
    private final KafkaStreams streams;
    private QueryServer api;

    public MinerApp(MinerConfig config) {
        this.config = config;
        this.streams = new KafkaStreams(MinerTopology.build(config), MinerTopology.streamsProperties(config));
        streams.setStateListener((now, before) -> LOG.info("miner {} went from {} to {}", config.applicationId(), before, now));
        streams.setUncaughtExceptionHandler(new BoundedFailuresHandler(config.getInt(MinerConfig.MAX_THREAD_FAILURES),
                FAILURE_WINDOW, Clock.systemUTC()));
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
        api = QueryServer.start(config.getString(MinerConfig.HTTP_HOST), config.getInt(MinerConfig.HTTP_PORT),
                new QueryHandler(MinerStores.of(streams), config.getLong(MinerConfig.TRENDS_WINDOW_MS), Clock.systemUTC()));
        LOG.info("miner {} query API on {}:{}", config.applicationId(), config.getString(MinerConfig.HTTP_HOST), api.port());
        streams.start();
    }

    /** Port of the query API; valid after {@link #start()}. */
    public int httpPort() {
        return api.port();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        Duration timeout = Duration.ofMillis(config.getLong(MinerConfig.CLOSE_TIMEOUT_MS));
        // Leaving the group lets a restarted or remaining instance take the tasks at once, instead of after the
        // session timeout (45 s) during which nobody processes them.
        if (!streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout))) {
            LOG.warn("miner {} did not shut down within {}", config.applicationId(), timeout);
        }
    }
}
