package io.procmem.deploy.stack;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A topic the stack creates, with why it is shaped so.
 *
 * @param configs topic-level overrides (retention, cleanup policy); the broker's defaults apply to the rest
 * @param purpose one line for humans: what flows through it
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs, String purpose) {
    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, not " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /** The topic with one replica: the one-machine stack has one broker. */
    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, (short) 1).configs(configs);
    }
}
