package io.procmem.miner;

import static io.procmem.miner.Events.Call.ok;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.PatternTrend;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.publish.ProcedureIds;
import io.procmem.miner.topology.MinerTopology;
import io.procmem.schemas.serde.AvroSerde;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole miner topology in a {@link TopologyTestDriver}, with the steps and executions topics to write and the
 * procedures and trends topics to read, and one routine (a user, then their last order) to send sessions of.
 */
public final class MinerDriver implements AutoCloseable {
    public static final String SIGNATURE = "get_user(user_id){user_id=FREE:user_id} > "
            + "get_order(order_id){order_id=STEP_RESULT:$.steps[0].result.last_order.id}";
    public static final String ID = ProcedureIds.of(SIGNATURE);
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    public final TopologyTestDriver driver;
    public final MinerConfig config;
    public final TestOutputTopic<String, CompiledProcedure> procedures;
    public final TestOutputTopic<String, PatternTrend> trends;
    private final TestInputTopic<String, AgentEvent> steps;
    private final TestInputTopic<String, ExecutionReport> executions;
    private int sessions;
    private int reports;

    public MinerDriver(Path stateDir, Map<String, String> overrides) {
        String registry = "mock://miner-driver-" + UUID.randomUUID();
        Map<String, Object> props = new HashMap<>(Map.of("application.id", "miner-driver", "schema.registry.url", registry,
                "state.dir", stateDir.toString(), "topic.steps", "steps", "topic.procedures", "procedures",
                "topic.dlq", "dlq", "topic.executions", "executions", "topic.trends", "trends",
                "miner.session.timeout.ms", "60000"));
        // Reviews on every count, as if each session came after the review interval: tests that send sessions in a
        // burst still see each one reviewed. Rationed reviews are tested with the interval given back.
        props.put("miner.review.interval.ms", "0");
        props.putAll(overrides);
        config = new MinerConfig(props);
        driver = new TopologyTestDriver(MinerTopology.build(config), MinerTopology.streamsProperties(config), START);
        steps = driver.createInputTopic("steps", new StringSerializer(), AvroSerde.forValues(AgentEvent.class, registry).serializer());
        executions = driver.createInputTopic("executions", new StringSerializer(),
                AvroSerde.forValues(ExecutionReport.class, registry).serializer());
        procedures = driver.createOutputTopic("procedures", new StringDeserializer(),
                AvroSerde.forValues(CompiledProcedure.class, registry).deserializer());
        trends = driver.createOutputTopic("trends", new StringDeserializer(),
                AvroSerde.forValues(PatternTrend.class, registry).deserializer());
    }

    /** One session of the routine, all its events at {@code at}. */
    public void sendRoutine(Instant at, SessionOutcome outcome) {
        int n = ++sessions;
        Events.session("session-" + n, "agent-" + n % 2, outcome,
                        ok("get_user", "{\"user_id\":\"u" + n + "\"}", "{\"last_order\":{\"id\":" + (100 + n) + "}}"),
                        ok("get_order", "{\"order_id\":" + (100 + n) + "}", "{\"total\":5}"))
                .forEach(event -> steps.pipeInput(event.getSessionId(), event, at));
    }

    /** One session of other calls, all its events at {@code at}. */
    public void sendSession(Instant at, SessionOutcome outcome, Events.Call... calls) {
        Events.session("session-" + ++sessions, "agent", outcome, calls)
                .forEach(event -> steps.pipeInput(event.getSessionId(), event, at));
    }

    /** {@code count} sessions of the routine, one second apart from {@link #START} on. */
    public void sendRoutines(int count) {
        for (int i = 0; i < count; i++) {
            sendRoutine(START.plusSeconds(sessions), SessionOutcome.SUCCESS);
        }
    }

    /** An executor's report about {@code version} of procedure {@code id}. */
    public void report(String id, int version, ExecutionOutcome outcome) {
        ExecutionReport report = ExecutionReport.newBuilder().setReportId("report-" + ++reports).setProcedureId(id)
                .setProcedureVersion(version).setExecutorId("executor-1")
                .setMode(outcome.name().startsWith("SHADOW") ? ExecutionMode.SHADOW : ExecutionMode.INTENT)
                .setOutcome(outcome).setTimestamp(START.plusSeconds(1000 + reports)).build();
        executions.pipeInput(id, report, report.getTimestamp());
    }

    public void reports(String id, int version, ExecutionOutcome outcome, int count) {
        for (int i = 0; i < count; i++) {
            report(id, version, outcome);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
