package io.procmem.miner.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import io.procmem.miner.AirlineSessions;
import io.procmem.miner.publish.InMemoryStatsStore;
import io.procmem.miner.candidates.CandidateExtractor;
import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.review.ReviewResult;
import io.procmem.miner.review.Reviewer;
import io.procmem.miner.review.Verdict;
import io.procmem.miner.session.FinishedSession;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure core over the bundled tau-bench airline trajectories (200 sessions), once with the default configuration
 * and once relaxed the way an operator accepting one wrong replay in ten and 75% binding agreement would run it.
 * Every candidate is reviewed again at the end, on the final figures (during the run each is reviewed when it is
 * counted, on the figures of that moment), and the test judges and logs what compiles then: the procedures and how
 * many candidates each review rejected.
 */
class AirlineMiningTest {
    private static final Logger LOG = LoggerFactory.getLogger(AirlineMiningTest.class);
    private static final Map<String, String> RELAXED = Map.of(MinerConfig.MIN_BINDING_CONSISTENCY, "0.75",
            MinerConfig.VALIDATION_MIN_MATCH_RATE, "0.9");

    private record Mined(Collection<CompiledProcedure> procedures, InMemoryStatsStore store) {
    }

    private static Mined defaults;
    private static Mined relaxed;

    @BeforeAll
    static void mineTheBundledFile() throws Exception {
        List<FinishedSession> sessions = AirlineSessions.read();
        assertThat(sessions).hasSize(200);
        defaults = mine("default configuration", sessions, Map.of());
        relaxed = mine("relaxed " + RELAXED, sessions, RELAXED);
    }

    @Test
    void shouldCompileTheUserThenEachReservationLoopWithTheDefaults() {
        assertThat(defaults.procedures()).filteredOn(p -> p.getName().equals("get_user_details > foreach get_reservation_details"))
                .singleElement().satisfies(procedure -> {
                    assertThat(procedure.getSteps().get(0).getArguments()).singleElement().satisfies(binding -> {
                        assertThat(binding.getKind()).isEqualTo(BindingKind.INPUT);
                        assertThat(binding.getSource()).isEqualTo("user_id");
                    });
                    ProcedureStep loop = procedure.getSteps().get(1);
                    assertThat(loop.getForeach()).isEqualTo("$.steps[0].result.reservations");
                    assertThat(loop.getArguments()).singleElement().satisfies(binding -> {
                        assertThat(binding.getKind()).isEqualTo(BindingKind.LOOP_ELEMENT);
                        assertThat(binding.getSource()).isEqualTo("$.item");
                        assertThat(binding.getConsistency()).isEqualTo(1.0);
                    });
                    assertThat(procedure.getInputs()).singleElement().satisfies(input -> assertThat(input.getName()).isEqualTo("user_id"));
                    assertThat(procedure.getReviews()).allSatisfy(review -> assertThat(review.getPassed()).isTrue());
                });
    }

    @Test
    void shouldCompileARoutineReadingAnEarlierResultWhenRelaxed() {
        assertThat(relaxed.procedures()).anySatisfy(procedure -> assertThat(procedure.getSteps())
                .flatExtracting(ProcedureStep::getArguments).extracting(ArgumentBinding::getKind).contains(BindingKind.STEP_RESULT));
    }

    @Test
    void shouldCompileNoWriteStepUnderTheDefaultPolicy() {
        assertThat(defaults.procedures()).flatExtracting(CompiledProcedure::getSteps)
                .extracting(ProcedureStep::getSideEffect).containsOnly(SideEffect.READ);
    }

    @Test
    void shouldRejectTheRoutineWhoseReservationIsChosenRatherThanWalked() {
        assertThat(defaults.procedures()).extracting(CompiledProcedure::getName)
                .doesNotContain("get_user_details > get_reservation_details");
    }

    @Test
    void shouldKeepTheReviewsOfRejectedCandidates() {
        assertThat(defaults.store().candidates().values()).filteredOn(state -> !state.passing()).isNotEmpty()
                .allSatisfy(state -> assertThat(state.reviews()).extracting(ReviewResult::name).containsExactly(
                        "support", "success-rate", "determinism", "binding-consistency", "validation", "side-effects"));
    }

    private static Mined mine(String label, List<FinishedSession> sessions, Map<String, String> overrides) {
        MinerConfig config = new MinerConfig(overrides);
        CandidateExtractor extractor = new CandidateExtractor(config.getInt(MinerConfig.MIN_LENGTH),
                config.getInt(MinerConfig.MAX_LENGTH), config.learnFrom(), config.getInt(MinerConfig.SAMPLE_MAX_RESULT_BYTES));
        Reviewer reviewer = new Reviewer(config.thresholds(), config.writeThresholds(), config.writePolicy(), config.toolEffects());
        ProcedureCompiler compiler = new ProcedureCompiler(reviewer, config.getInt(MinerConfig.SAMPLE_SIZE),
                config.getDouble(MinerConfig.REEMIT_GROWTH));
        InMemoryStatsStore store = new InMemoryStatsStore();
        long streamTime = 0;
        for (FinishedSession session : sessions) {
            streamTime++;
            for (Observation observation : extractor.extract(session)) {
                compiler.observe(observation, store, streamTime);
            }
        }
        Map<String, CompiledProcedure> latest = new LinkedHashMap<>();
        Map<String, Long> rejections = new TreeMap<>();
        for (Map.Entry<String, CandidateState> entry : store.candidates().entrySet()) {
            CandidateStats stats = entry.getValue().stats();
            SequenceStats sequence = store.sequence(stats.sequence());
            // A fresh review (no earlier one), so every candidate is replayed on its final sample.
            Verdict verdict = reviewer.review(stats, sequence, store.sequence(SequenceStats.firstStepKey(stats.firstStep())),
                    null, List.of());
            verdict.reviews().stream().filter(review -> !review.passed()).forEach(review -> rejections.merge(review.name(), 1L, Long::sum));
            if (verdict.passed()) {
                Emission emission = new Emission(1, stats.tally().occurrences(), streamTime,
                        verdict.ample() ? ProcedureStatus.SHADOW : ProcedureStatus.CANDIDATE);
                latest.put(entry.getKey(), ProcedureBuilder.build(entry.getKey(), stats, sequence, verdict, emission, streamTime));
            }
        }
        long supported = store.candidates().values().stream()
                .filter(state -> state.stats().tally().occurrences() >= config.getInt(MinerConfig.MIN_SUPPORT)).count();
        LOG.info("{}: {} sessions, {} candidates ({} with min support), {} procedures", label, sessions.size(),
                store.candidates().size(), supported, latest.size());
        LOG.info("{}: candidates failing each review at the end (one may fail several): {}", label, rejections);
        latest.values().forEach(p -> LOG.info("{}: compiled {}", label, describe(p)));
        return new Mined(latest.values(), store);
    }

    private static String describe(CompiledProcedure p) {
        String steps = p.getSteps().stream().map(step -> (step.getForeach() == null ? "" : "foreach " + step.getForeach() + " ")
                + step.getTool() + "(" + step.getArguments().stream().map(a -> a.getName() + "=" + a.getKind()
                + (a.getSource() == null ? " " + a.getConstantJson() : " " + a.getSource())
                + String.format(" [%.2f]", a.getConsistency())).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(" > "));
        String reviews = p.getReviews().stream().map(r -> r.getName() + ": " + r.getDetail()).collect(Collectors.joining("\n      "));
        return String.format("%s %s v%d '%s'%n    steps: %s%n    inputs: %s%n    reviews:%n      %s", p.getProcedureId(),
                p.getStatus(), p.getVersion(), p.getName(), steps, p.getInputs().stream().map(i -> i.getName() + ":"
                        + i.getJsonType() + (i.getDescription() == null ? "" : " (" + i.getDescription() + ")"))
                        .collect(Collectors.joining(", ")), reviews);
    }
}
