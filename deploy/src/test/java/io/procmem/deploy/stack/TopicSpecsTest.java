package io.procmem.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicSpecsTest {
    private final Map<String, TopicSpec> byName = TopicSpecs.ALL.stream()
            .collect(Collectors.toMap(TopicSpec::name, Function.identity()));

    @Test
    void shouldDeclareEveryTopicOfTheStackOnce() {
        assertThat(TopicSpecs.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                Topics.STEPS, Topics.PROCEDURES, Topics.EXECUTIONS, Topics.PATTERN_TRENDS, Topics.DLQ, "_schemas");
    }

    @Test
    void shouldCompactProceduresAndSchemas() {
        assertThat(byName.get(Topics.PROCEDURES).configs()).containsEntry("cleanup.policy", "compact")
                .containsKey("min.compaction.lag.ms");
        assertThat(byName.get("_schemas").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(byName.get("_schemas").partitions()).isEqualTo(1);
    }

    @Test
    void shouldKeepStepsAWeekAndDeadLettersAMonth() {
        assertThat(byName.get(Topics.STEPS).configs())
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
        assertThat(byName.get(Topics.STEPS).partitions()).isEqualTo(4);
        assertThat(byName.get(Topics.DLQ).configs())
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(byName.get(Topics.DLQ).partitions()).isEqualTo(1);
    }

    @Test
    void shouldCoPartitionTheTopicsKeyedByProcedureId() {
        assertThat(byName.get(Topics.PROCEDURES).partitions()).isEqualTo(byName.get(Topics.EXECUTIONS).partitions());
    }

    @Test
    void shouldCreateEachTopicWithOneReplicaAndItsConfigs() {
        TopicSpec steps = byName.get(Topics.STEPS);

        assertThat(steps.toNewTopic().replicationFactor()).isEqualTo((short) 1);
        assertThat(steps.toNewTopic().numPartitions()).isEqualTo(4);
        assertThat(steps.toNewTopic().configs()).isEqualTo(steps.configs());
    }
}
