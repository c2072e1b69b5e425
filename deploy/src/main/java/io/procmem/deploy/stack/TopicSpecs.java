package io.procmem.deploy.stack;

import io.procmem.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The topics of the one-machine stack, declared in one place. Names are the defaults of
 * {@link io.procmem.schemas.Topics}.
 *
 * <p>Partition counts: topics keyed by procedure id ({@code procedures}, {@code executions}) have the same count so a
 * Streams join between them is co-partitioned; four partitions let up to four miner or executor instances share the
 * work on one machine. The broker has {@code auto.create.topics.enable=false}, so a topic missing here is an error at
 * first use rather than a silently mis-shaped topic.
 */
public final class TopicSpecs {
    /** The schema registry's own log of schemas (Confluent's default name). */
    public static final String SCHEMAS = "_schemas";

    private static final String RETENTION = "retention.ms";
    private static final String CLEANUP = "cleanup.policy";

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(Topics.STEPS, 4, Map.of(RETENTION, days(7)),
                    "agent step events keyed by session id; kept a week, long enough to re-mine after a miner change"),
            new TopicSpec(Topics.PROCEDURES, 4, Map.of(CLEANUP, "compact", "min.compaction.lag.ms", "60000"),
                    "compiled procedures keyed by procedure id; compacted: the latest version of each is the table"
                            + " executors load, and a minute of lag lets readers see quick successive versions"),
            new TopicSpec(Topics.EXECUTIONS, 4, Map.of(RETENTION, days(7)),
                    "executor reports keyed by procedure id, feeding procedure statistics back to the miner"),
            new TopicSpec(Topics.PATTERN_TRENDS, 4, Map.of(RETENTION, days(7)),
                    "windowed counts of recurring patterns, for analysts"),
            new TopicSpec(Topics.DLQ, 1, Map.of(RETENTION, days(30)),
                    "records that could not be processed, kept a month for someone to look at and replay"),
            new TopicSpec(SCHEMAS, 1, Map.of(CLEANUP, "compact"),
                    "the schema registry's schemas; compacted, never expires, one partition for a total order"));

    private TopicSpecs() {
    }

    private static String days(int days) {
        return Long.toString(Duration.ofDays(days).toMillis());
    }
}
