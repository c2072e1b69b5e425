package io.procmem.miner.lifecycle;

import io.procmem.miner.config.MinerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the executions and trends topics when they are missing, before the miner starts: Streams stops on a
 * missing source topic, and a miner may well start before any executor has reported. Created with
 * {@code miner.topics.create.partitions} partitions and the {@code replication.factor} of internal topics; a
 * deployment that manages its topics (like {@code procmem up}) has them already and this does nothing.
 */
public final class FeedbackTopics {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackTopics.class);
    private static final long TIMEOUT_SECONDS = 30;

    private FeedbackTopics() {
    }

    public static void ensure(MinerConfig config) {
        List<String> wanted = List.of(config.getString(MinerConfig.TOPIC_EXECUTIONS), config.getString(MinerConfig.TOPIC_TRENDS));
        int replication = config.getInt(MinerConfig.REPLICATION_FACTOR);
        // The Streams properties carry any security settings passed through to the miner's clients.
        try (Admin admin = Admin.create(config.toStreamsProperties())) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : wanted) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(config.getInt(MinerConfig.TOPICS_CREATE_PARTITIONS)),
                            replication < 0 ? Optional.empty() : Optional.of((short) replication)));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.info("created missing topics {}", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                // Another instance starting at the same time may have created them first.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot check or create the topics " + wanted + " on "
                    + config.getString(MinerConfig.BOOTSTRAP_SERVERS), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics " + wanted, e);
        }
    }
}
