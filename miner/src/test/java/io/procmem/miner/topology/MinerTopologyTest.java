package io.procmem.miner.topology;

import static io.procmem.miner.Events.Call.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.DeadLetter;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Events;
import io.procmem.miner.Events.Call;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.ProcedureIds;
import io.procmem.miner.review.ReviewResult;
import io.procmem.schemas.dlq.DeadLetters;
import io.procmem.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinerTopologyTest {
    private static final String SIGNATURE = "get_user(user_id){user_id=FREE:user_id} > "
            + "get_order(order_id){order_id=STEP_RESULT:$.steps[0].result.last_order.id}";
    private static final String SEQUENCE = "get_user(user_id) > get_order(order_id)";
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path stateDir;
    private final String registry = "mock://miner-topology-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private TestInputTopic<String, AgentEvent> steps;
    private TestInputTopic<String, byte[]> rawSteps;
    private TestOutputTopic<String, CompiledProcedure> procedures;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private int sessions;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldCompileRoutineWhenSupportReachesThreshold() {
        start(Map.of());
        for (int i = 1; i <= 4; i++) {
            sendSession("agent-" + (i % 2), SessionOutcome.SUCCESS, routine());
        }
        assertThat(procedures.isEmpty()).as("4 occurrences are below min.support 5").isTrue();

        sendSession("agent-0", SessionOutcome.SUCCESS, routine());

        TestRecord<String, CompiledProcedure> record = procedures.readRecord();
        CompiledProcedure procedure = record.value();
        assertThat(record.key()).isEqualTo(ProcedureIds.of(SIGNATURE)).isEqualTo(procedure.getProcedureId());
        assertThat(procedure.getSignature()).isEqualTo(SIGNATURE);
        assertThat(procedure.getVersion()).isEqualTo(1);
        assertThat(procedure.getStatus()).isEqualTo(ProcedureStatus.CANDIDATE);
        assertThat(procedure.getFleet()).isEqualTo("acme");
        assertThat(procedure.getSteps()).extracting(ProcedureStep::getAbstractStep)
                .containsExactly("get_user(user_id)", "get_order(order_id)");
        assertThat(procedure.getSteps().get(1).getArguments()).singleElement().satisfies(binding -> {
            assertThat(binding.getKind()).isEqualTo(BindingKind.STEP_RESULT);
            assertThat(binding.getSource()).isEqualTo("$.steps[0].result.last_order.id");
        });
        assertThat(procedure.getSupport().getOccurrences()).isEqualTo(5);
        assertThat(procedure.getSupport().getSessions()).isEqualTo(5);
        assertThat(procedure.getSupport().getAgents()).isEqualTo(2);
        assertThat(procedure.getSupport().getSuccessfulSessions()).isEqualTo(5);
        assertThat(procedures.isEmpty()).isTrue();
    }

    @Test
    void shouldReviewACandidateCountedAgainWithinTheReviewIntervalOnTheNextTickUnlessItJustReachedSupport() {
        start(Map.of("miner.review.interval.ms", "1000"));
        KeyValueStore<String, Long> pending = driver.getKeyValueStore(Names.PENDING_REVIEWS);
        for (int i = 1; i <= 4; i++) {
            sendSession("agent-" + (i % 2), SessionOutcome.SUCCESS, routine());
        }
        assertThat(supportReviewed()).as("reviewed when first counted, then pending").isEqualTo(1.0);
        assertThat(pending.get(SIGNATURE)).isNotNull();

        sendSession("agent-1", SessionOutcome.SUCCESS, routine());
        assertThat(procedures.readValuesToList()).as("reaching support is reviewed at once").singleElement()
                .satisfies(procedure -> assertThat(procedure.getSupport().getOccurrences()).isEqualTo(5));
        assertThat(pending.get(SIGNATURE)).isNull();

        sendSession("agent-0", SessionOutcome.SUCCESS, routine());
        assertThat(supportReviewed()).isEqualTo(5.0);
        assertThat(pending.get(SIGNATURE)).isNotNull();

        driver.advanceWallClockTime(Duration.ofMillis(1000));
        assertThat(supportReviewed()).as("reviewed on the tick").isEqualTo(6.0);
        assertThat(pending.get(SIGNATURE)).isNull();
        assertThat(procedures.isEmpty()).as("6 occurrences have not doubled the published 5").isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(2000));
        sendSession("agent-0", SessionOutcome.FAILURE, routine());
        assertThat(supportReviewed()).as("reviewed at once: none within the interval").isEqualTo(7.0);
        assertThat(pending.get(SIGNATURE)).isNull();
    }

    private double supportReviewed() {
        return candidateStats().get(SIGNATURE).reviews().stream().filter(review -> review.name().equals("support"))
                .findFirst().orElseThrow().figures().get("occurrences");
    }

    @Test
    void shouldReemitWithTheNextVersionOnlyOnceSupportHasDoubled() {
        start(Map.of());
        for (int i = 1; i <= 9; i++) {
            sendSession("agent", SessionOutcome.SUCCESS, routine());
        }
        assertThat(procedures.readValuesToList()).extracting(CompiledProcedure::getVersion).containsExactly(1);

        sendSession("agent", SessionOutcome.SUCCESS, routine());

        CompiledProcedure second = procedures.readValue();
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getSupport().getOccurrences()).isEqualTo(10);
        assertThat(second.getStatus()).as("every review now passes with margin").isEqualTo(ProcedureStatus.SHADOW);
    }

    @Test
    void shouldNotCountFailedSessionsWhenLearningFromSuccessfulOnly() {
        start(Map.of("miner.learn.from", "successful"));
        for (int i = 1; i <= 5; i++) {
            sendSession("agent", SessionOutcome.FAILURE, routine());
        }
        for (int i = 1; i <= 4; i++) {
            sendSession("agent", SessionOutcome.SUCCESS, routine());
        }
        assertThat(procedures.isEmpty()).isTrue();

        sendSession("agent", SessionOutcome.SUCCESS, routine());

        assertThat(procedures.readValue().getSupport().getSessions()).isEqualTo(5);
    }

    @Test
    void shouldNotCountAResentSessionTwice() {
        start(Map.of());
        List<AgentEvent> first = Events.session("resent", "agent", SessionOutcome.SUCCESS, routine());
        first.forEach(this::send);
        for (int i = 1; i <= 3; i++) {
            sendSession("agent", SessionOutcome.SUCCESS, routine());
        }

        first.forEach(this::send);
        assertThat(procedures.isEmpty()).as("the re-sent session must not be the 5th occurrence").isTrue();

        sendSession("agent", SessionOutcome.SUCCESS, routine());
        assertThat(procedures.readValue().getSupport().getOccurrences()).isEqualTo(5);
    }

    @Test
    void shouldDeadLetterGarbageAndInvalidStepsAndKeepProcessing() {
        start(Map.of());
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        rawSteps.pipeInput("s-garbage", garbage, START);
        send(Events.step("s-bad", 0, ok("get_user", "[\"u1\"]")));
        send(Events.step("s-bad", 1, ok("get_user", "{}", "{not json")));

        for (int i = 1; i <= 5; i++) {
            sendSession("agent", SessionOutcome.SUCCESS, routine());
        }

        List<TestRecord<String, DeadLetter>> letters = deadLetters.readRecordsToList();
        assertThat(letters).hasSize(3);
        DeadLetter decode = letters.get(0).value();
        assertThat(decode.getStage()).isEqualTo("decode");
        assertThat(decode.getReason()).contains("magic byte");
        assertThat(decode.getSource()).isEqualTo("steps");
        assertThat(decode.getOffset()).isEqualTo(0L);
        assertThat(decode.getOriginalValue().array()).isEqualTo(garbage);
        assertThat(header(letters.get(0).headers(), DeadLetters.HEADER_STAGE)).isEqualTo("decode");
        assertThat(letters.get(0).key()).isEqualTo("s-garbage");
        DeadLetter validate = letters.get(1).value();
        assertThat(validate.getStage()).isEqualTo("validate");
        assertThat(validate.getReason()).contains("ToolStep.arguments_json of step 0");
        assertThat(header(letters.get(1).headers(), DeadLetters.HEADER_REASON)).isEqualTo(validate.getReason());
        assertThat(letters.get(2).value().getReason()).contains("ToolStep.result_json of step 1 (get_user) is not valid JSON");
        assertThat(procedures.readValue().getSignature()).as("the good sessions are still mined").isEqualTo(SIGNATURE);
    }

    @Test
    void shouldCloseAnIdleSessionAsUnknownAfterTheTimeout() {
        start(Map.of());
        Call[] calls = routine();
        send(Events.started("idle", "agent"));
        send(Events.step("idle", 0, calls[0]));
        send(Events.step("idle", 1, calls[1]));
        driver.advanceWallClockTime(Duration.ofSeconds(59));
        assertThat(candidateStats().get(SIGNATURE)).isNull();

        driver.advanceWallClockTime(Duration.ofSeconds(2));

        CandidateState state = candidateStats().get(SIGNATURE);
        assertThat(state.stats().tally().sessions()).isEqualTo(1);
        assertThat(state.stats().tally().successfulSessions()).as("closed as UNKNOWN, not SUCCESS").isZero();
        assertThat(state.reviews()).filteredOn(review -> review.name().equals("success-rate"))
                .singleElement().extracting(ReviewResult::passed).isEqualTo(false);
        assertThat(procedures.isEmpty()).isTrue();
        assertThat(driver.<String, Object>getKeyValueStore(Names.SESSION_BUFFERS).get("idle")).isNull();
        assertThat(driver.<String, Long>getKeyValueStore(Names.FINISHED_SESSIONS).get("idle")).isNotNull();
    }

    @Test
    void shouldForgetRareCandidatesOnceTheyAreOlderThanTheTtl() {
        start(Map.of("miner.candidate.ttl.ms", "60000"));
        sendSession("agent", SessionOutcome.SUCCESS, routine());
        assertThat(candidateStats().get(SIGNATURE)).isNotNull();
        assertThat(sampleSlots().get(CandidateStates.slotKey(SIGNATURE, 0))).as("sampled in its own slot").isNotNull();
        assertThat(driver.<String, SequenceStats>getKeyValueStore(Names.SEQUENCE_STATS).get(SEQUENCE)).isNotNull();

        sessions += 120;
        sendSession("agent", SessionOutcome.SUCCESS, ok("ping", "{}"), ok("pong", "{}"));

        assertThat(candidateStats().get(SIGNATURE)).isNull();
        assertThat(sampleSlots().get(CandidateStates.slotKey(SIGNATURE, 0))).as("slots forgotten too").isNull();
        assertThat(driver.<String, SequenceStats>getKeyValueStore(Names.SEQUENCE_STATS).get(SEQUENCE)).isNull();
        assertThat(candidateStats().get("ping() > pong()")).as("seen within the TTL").isNotNull();
    }

    @Test
    void shouldForgetACandidateSeenInTooSmallAShareOfItsFirstStepLongBeforeItsTtl() {
        assertThat(variantsAfterTheRoutine("0.01")).as("1 in 200 sessions").isEmpty();
        assertThat(candidateStats().get(SIGNATURE)).as("the routine").isNotNull();
    }

    @Test
    void shouldKeepARareCandidateUntilItsTtlWhenNoMinShareIsSet() {
        assertThat(variantsAfterTheRoutine("0")).hasSize(1);
        assertThat(candidateStats().get(SIGNATURE)).as("the routine").isNotNull();
    }

    @Test
    void shouldSweepEveryFewThousandObservationsWhenStreamTimeStandsStill() {
        // A backlog: every record carries the same timestamp, so no stream-time sweep comes after the first.
        start(Map.of());
        Events.session("variant", "agent", SessionOutcome.SUCCESS,
                ok("get_user", "{\"user_id\":\"u0\"}", "{\"last_order\":{\"id\":1}}"),
                ok("get_order", "{\"order_id\":999}", "{\"total\":5}"))
                .forEach(event -> steps.pipeInput(event.getSessionId(), event, START));
        int sessionsNeeded = CountCandidatesProcessor.SWEEP_EVERY_OBSERVATIONS / 2 + 10;
        for (int i = 0; i < sessionsNeeded; i++) {
            Events.session("backlog-" + i, "agent-" + (i % 2), SessionOutcome.SUCCESS, routine())
                    .forEach(event -> steps.pipeInput(event.getSessionId(), event, START));
            sessions++;
        }

        assertThat(variants()).as("swept by count").isEmpty();
        assertThat(candidateStats().get(SIGNATURE)).isNotNull();
    }

    /** Candidate signatures of a binding variant of the routine seen once, then 200 sessions of the routine. */
    private List<String> variantsAfterTheRoutine(String minShare) {
        start(Map.of("miner.candidate.min.share", minShare));
        // Once, the order id comes from nowhere: a binding variant of the routine, counted as a candidate of its own.
        sendSession("agent", SessionOutcome.SUCCESS, ok("get_user", "{\"user_id\":\"u0\"}", "{\"last_order\":{\"id\":1}}"),
                ok("get_order", "{\"order_id\":999}", "{\"total\":5}"));
        for (int i = 0; i < 200; i++) {
            sendSession("agent-" + (i % 2), SessionOutcome.SUCCESS, routine());
        }
        return variants();
    }

    /** Signatures of the candidates whose order id came from nowhere: the routine's binding variant. */
    private List<String> variants() {
        List<String> variants = new ArrayList<>();
        try (KeyValueIterator<String, CandidateState> all = candidateStats().all()) {
            all.forEachRemaining(entry -> {
                if (entry.key.contains("order_id=FREE")) {
                    variants.add(entry.key);
                }
            });
        }
        return variants;
    }

    @Test
    void shouldNameEveryNodeStoreAndInternalTopic() {
        String description = MinerTopology.build(config(Map.of())).describe().toString();

        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-")
                .contains(Names.DECODE_EVENTS, Names.ASSEMBLE_SESSIONS, Names.EXTRACT_CANDIDATES, Names.COUNT_CANDIDATES,
                        Names.PUBLISH_PROCEDURES, Names.PUBLISH_DEAD_LETTERS, Names.SESSION_BUFFERS,
                        Names.FINISHED_SESSIONS, Names.CANDIDATE_STATS, Names.CANDIDATE_SAMPLE_SLOTS,
                        Names.CANDIDATE_SAMPLES, Names.SEQUENCE_STATS,
                        Names.CANDIDATES_BY_FIRST_STEP + "-repartition");
    }

    private void start(Map<String, String> overrides) {
        MinerConfig config = config(overrides);
        driver = new TopologyTestDriver(MinerTopology.build(config), MinerTopology.streamsProperties(config), START);
        AvroSerde<AgentEvent> events = AvroSerde.forValues(AgentEvent.class, registry);
        steps = driver.createInputTopic("steps", new StringSerializer(), events.serializer());
        rawSteps = driver.createInputTopic("steps", new StringSerializer(), new ByteArraySerializer());
        procedures = driver.createOutputTopic("procedures", new StringDeserializer(),
                AvroSerde.forValues(CompiledProcedure.class, registry).deserializer());
        deadLetters = driver.createOutputTopic("dlq", new StringDeserializer(),
                AvroSerde.forValues(DeadLetter.class, registry).deserializer());
    }

    private MinerConfig config(Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>(Map.of("application.id", "miner-topology-test",
                "schema.registry.url", registry, "state.dir", stateDir.toString(), "topic.steps", "steps",
                "topic.procedures", "procedures", "topic.dlq", "dlq", "miner.session.timeout.ms", "60000",
                "miner.punctuate.interval.ms", "1000", "miner.review.interval.ms", "0"));
        props.putAll(overrides);
        return new MinerConfig(props);
    }

    /** The routine with this session's values: the order id comes from the user's result. */
    private Call[] routine() {
        int n = sessions + 1;
        return new Call[] {ok("get_user", "{\"user_id\":\"u" + n + "\"}", "{\"last_order\":{\"id\":" + (100 + n) + "}}"),
                ok("get_order", "{\"order_id\":" + (100 + n) + "}", "{\"total\":5}")};
    }

    private KeyValueStore<String, CandidateState> candidateStats() {
        return driver.getKeyValueStore(Names.CANDIDATE_STATS);
    }

    private KeyValueStore<String, Occurrence> sampleSlots() {
        return driver.getKeyValueStore(Names.CANDIDATE_SAMPLE_SLOTS);
    }

    private void sendSession(String agent, SessionOutcome outcome, Call... calls) {
        Events.session("session-" + ++sessions, agent, outcome, calls).forEach(this::send);
    }

    private void send(AgentEvent event) {
        steps.pipeInput(event.getSessionId(), event, START.plusSeconds(sessions));
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
