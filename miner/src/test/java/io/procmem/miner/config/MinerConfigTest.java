package io.procmem.miner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.miner.candidates.LearnFrom;
import io.procmem.miner.review.Thresholds;
import io.procmem.miner.review.ToolEffects;
import io.procmem.miner.review.WritePolicy;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MinerConfigTest {

    @Test
    void shouldDefaultToTheDocumentedValues() {
        MinerConfig config = new MinerConfig(Map.of());

        assertThat(config.applicationId()).isEqualTo("procmem-miner");
        assertThat(config.stepsTopic()).isEqualTo("procmem.steps");
        assertThat(config.proceduresTopic()).isEqualTo("procmem.procedures");
        assertThat(config.dlqTopic()).isEqualTo("procmem.dlq");
        assertThat(config.learnFrom()).isEqualTo(LearnFrom.ALL);
        assertThat(config.getInt(MinerConfig.MIN_SUPPORT)).isEqualTo(5);
        assertThat(config.getInt(MinerConfig.MIN_SESSIONS)).isEqualTo(3);
        assertThat(config.getDouble(MinerConfig.REEMIT_GROWTH)).isEqualTo(2.0);
        assertThat(config.thresholds()).isEqualTo(new Thresholds(5, 3, 1, 0.3, 0.25, 0.8, 2, 1.0, 2.0));
        assertThat(config.writeThresholds()).isEqualTo(new Thresholds(20, 10, 1, 0.9, 0.25, 0.95, 5, 1.0, 2.0));
        assertThat(config.writePolicy()).isEqualTo(WritePolicy.EXCLUDE);
        assertThat(config.toolEffects()).isEqualTo(ToolEffects.defaults());
        assertThat(MinerConfig.DEFINITION.configKeys().values()).allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }

    @Test
    void shouldPassUnknownKeysThroughAndSetStreamsKeys() {
        Properties props = new MinerConfig(Map.of("statestore.cache.max.bytes", "0", "replication.factor", "3",
                "miner.learn.from", "all")).toStreamsProperties();

        assertThat(props).containsEntry("statestore.cache.max.bytes", "0")
                .containsEntry("replication.factor", 3)
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("application.id", "procmem-miner")
                .containsKey("state.dir")
                .doesNotContainKey("miner.learn.from")
                .as("Streams reads topic.* keys as internal-topic configs").doesNotContainKeys("topic.steps", "topic.dlq");
    }

    @Test
    void shouldRejectAMaximumLengthBelowTheMinimum() {
        assertThatThrownBy(() -> new MinerConfig(Map.of("miner.min.length", "4", "miner.max.length", "3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("miner.max.length");
    }

    @Test
    void shouldRejectASampleThatCouldOutgrowTheChangelogRecordLimit() {
        assertThatThrownBy(() -> new MinerConfig(Map.of("miner.sample.size", "100", "miner.sample.max.result.bytes", "4096")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("miner.sample.max.result.bytes")
                .hasMessageContaining("1 MB");
    }

    @Test
    void shouldReadToolListsAndTheWritePolicy() {
        MinerConfig config = new MinerConfig(Map.of("miner.tools.write", "archive, wipe", "miner.tools.read", "update_view",
                "miner.write.policy", "strict"));

        assertThat(config.toolEffects().write()).containsExactlyInAnyOrder("archive", "wipe");
        assertThat(config.toolEffects().read()).containsExactly("update_view");
        assertThat(config.writePolicy()).isEqualTo(WritePolicy.STRICT);
        assertThatThrownBy(() -> new MinerConfig(Map.of("miner.write.policy", "sometimes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("miner.write.policy");
    }

    @Test
    void shouldRejectAnUnknownLearnFromValue() {
        assertThatThrownBy(() -> new MinerConfig(Map.of("miner.learn.from", "failures")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("miner.learn.from");
    }
}
