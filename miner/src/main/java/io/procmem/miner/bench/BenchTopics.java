package io.procmem.miner.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the bench's own topics (unique names per run, so a run never reads another's data) and removes them, the
 * applications' internal topics and their consumer groups afterwards, so repeated runs do not fill the broker.
 * Replication is the broker's default.
 */
final class BenchTopics {
    private static final Logger LOG = LoggerFactory.getLogger(BenchTopics.class);

    private final Admin admin;

    BenchTopics(Admin admin) {
        this.admin = admin;
    }

    void create(String steps, int partitions, String procedures, String dlq) {
        get(admin.createTopics(List.of(
                new NewTopic(steps, Optional.of(partitions), Optional.empty()),
                new NewTopic(procedures, Optional.of(1), Optional.empty()).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(dlq, Optional.of(1), Optional.empty()))).all(), "create the bench topics");
    }

    /** Deletes the given topics, every topic whose name starts with one of the application ids, and those groups. */
    void deleteAll(Set<String> topics, Set<String> applicationIds) {
        try {
            Set<String> doomed = get(admin.listTopics().names(), "list topics").stream()
                    .filter(name -> topics.contains(name) || applicationIds.stream().anyMatch(id -> name.startsWith(id + "-")))
                    .collect(Collectors.toSet());
            get(admin.deleteTopics(doomed).all(), "delete the bench topics");
            get(admin.deleteConsumerGroups(applicationIds).all(), "delete the bench consumer groups");
        } catch (IllegalStateException e) {
            // Cleanup must not hide the figures of a finished run; what is left is named in the log.
            LOG.warn("bench cleanup incomplete, topics {} and groups {} may remain: {}", topics, applicationIds,
                    e.getMessage());
        }
    }

    private static <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not " + what + " within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
