package io.procmem.deploy.stack;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that do not exist yet. Existing topics are left as they are, even if their partitions or
 * configs differ from the spec: changing a live topic is an operator's decision, not a start-up side effect.
 */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicCreator() {
    }

    /** Creates the missing topics on the cluster at {@code bootstrapServers}; returns the names it created. */
    public static List<String> ensure(String bootstrapServers, List<TopicSpec> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicSpec> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(
                    missing.stream().map(TopicSpec::toNewTopic).toList()).values();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                awaitCreated(result.getKey(), result.getValue());
            }
            List<String> created = missing.stream().map(TopicSpec::name).toList();
            LOG.info("created topics {}", created);
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot set up topics at " + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating topics", e);
        }
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> result)
            throws InterruptedException, TimeoutException {
        try {
            result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another process created it between our list and create: it exists, which is all we need.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StackException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        }
    }
}
