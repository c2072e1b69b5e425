package io.procmem.miner.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Mining;
import io.procmem.miner.Sessions;
import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.candidates.Sample;
import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.session.FinishedSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplayMemoTest {
    private static final String SEQUENCE = "list(q) > get(id)";
    private final MinerConfig config = new MinerConfig(Map.of("miner.min.binding.consistency", "0.5"));
    private final AtomicInteger replays = new AtomicInteger();

    @Test
    void shouldGiveWhatADirectReplayGivesForMatchingAndMismatchingOccurrences() {
        Given given = given(0, 10);
        ReplayMemo memo = new ReplayMemo(ReplayMemo.ENTRIES, this::countedReplay);

        for (int round = 0; round < 2; round++) {
            for (Occurrence occurrence : given.heldOut()) {
                assertThat(memo.mismatch(given.routine, occurrence)).isEqualTo(Replay.mismatch(given.routine, occurrence));
            }
        }

        List<Optional<String>> direct = given.heldOut().stream().map(o -> Replay.mismatch(given.routine, o)).toList();
        assertThat(direct).contains(Optional.empty()).anyMatch(Optional::isPresent);
        assertThat(replays).hasValue(given.heldOut().size());
    }

    @Test
    void shouldReplayOnlyTheHeldOutOccurrenceThatChangedSinceTheLastReview() {
        Given given = given(0, 10);
        Reviewer reviewer = new Reviewer(config.thresholds(), config.writeThresholds(), config.writePolicy(),
                config.toolEffects(), new ReplayMemo(ReplayMemo.ENTRIES, this::countedReplay));

        Verdict first = reviewer.review(given.stats, given.sequence, given.firstStep, false, List.of());
        assertThat(replays).hasValue(given.heldOut().size());

        // A later occurrence (session s10, which uses element 0) replaces the last held-out slot (s9, element 1).
        CandidateStats changed = withSlotReplaced(given.stats, given.stats.sample().occurrences().size() - 1,
                given(10, 11).stats.sample().occurrences().get(0));
        Verdict second = reviewer.review(changed, given.sequence, given.firstStep, false, List.of());

        assertThat(second.routine()).isEqualTo(first.routine());
        assertThat(replays).hasValue(given.heldOut().size() + 1);
        assertThat(second.reviews()).isEqualTo(freshReview(changed, given).reviews());
        assertThat(first.reviews()).isEqualTo(freshReview(given.stats, given).reviews());
        assertThat(validation(second).figures()).isNotEqualTo(validation(first).figures());
    }

    @Test
    void shouldRememberPerRoutineStepsSoARoutineInferredFromMoreOccurrencesReusesTheReplays() {
        Given given = given(0, 10);
        ReplayMemo memo = new ReplayMemo(ReplayMemo.ENTRIES, this::countedReplay);
        Routine grown = new Routine(given.routine.steps(), given.routine.inputs(), given.routine.inferredFrom() + 1);
        Routine.Step step = given.routine.steps().get(0);
        Routine other = new Routine(List.of(new Routine.Step(step.tool() + "-other", step.abstractStep(), step.foreach(),
                step.sideEffect(), step.arguments())), given.routine.inputs(), given.routine.inferredFrom());
        Occurrence occurrence = given.heldOut().get(0);

        memo.mismatch(given.routine, occurrence);
        memo.mismatch(grown, occurrence);
        assertThat(replays).hasValue(1);
        memo.mismatch(other, occurrence);
        assertThat(replays).hasValue(2);
    }

    @Test
    void shouldHoldAtMostItsCapacityEvictingTheLeastRecentlyUsed() {
        Given given = given(0, 10);
        List<Occurrence> heldOut = given.heldOut();
        ReplayMemo memo = new ReplayMemo(2, this::countedReplay);

        memo.mismatch(given.routine, heldOut.get(0));
        memo.mismatch(given.routine, heldOut.get(1));
        memo.mismatch(given.routine, heldOut.get(0));
        memo.mismatch(given.routine, heldOut.get(2));
        assertThat(memo.size()).isEqualTo(2);
        assertThat(replays).hasValue(3);

        memo.mismatch(given.routine, heldOut.get(0));
        assertThat(replays).hasValue(3);
        memo.mismatch(given.routine, heldOut.get(1));
        assertThat(replays).hasValue(4);
        assertThat(memo.size()).isEqualTo(2);
    }

    @Test
    void shouldGiveCorrectResultsToTwoThreadsAtOnce() throws Exception {
        Given given = given(0, 10);
        List<Occurrence> heldOut = given.heldOut();
        List<Optional<String>> expected = heldOut.stream().map(o -> Replay.mismatch(given.routine, o)).toList();
        // Smaller than the held-out half, so the threads also evict each other's entries.
        ReplayMemo memo = new ReplayMemo(3, this::countedReplay);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Optional<String>>>> results = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                int offset = thread;
                results.add(threads.submit(() -> {
                    start.await();
                    List<Optional<String>> got = new ArrayList<>();
                    for (int i = 0; i < 500 * heldOut.size(); i++) {
                        got.add(memo.mismatch(given.routine, heldOut.get((i + offset) % heldOut.size())));
                    }
                    return got;
                }));
            }
            start.countDown();
            for (int thread = 0; thread < 2; thread++) {
                List<Optional<String>> got = results.get(thread).get(1, TimeUnit.MINUTES);
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i)).isEqualTo(expected.get((i + thread) % heldOut.size()));
                }
            }
            assertThat(memo.size()).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The review by a new reviewer, whose memo is empty: every held-out occurrence is replayed. */
    private Verdict freshReview(CandidateStats stats, Given given) {
        return new Reviewer(config.thresholds(), config.writeThresholds(), config.writePolicy(), config.toolEffects())
                .review(stats, given.sequence, given.firstStep, false, List.of());
    }

    private Optional<String> countedReplay(Routine routine, Occurrence occurrence) {
        replays.incrementAndGet();
        return Replay.mismatch(routine, occurrence);
    }

    private record Given(CandidateStats stats, SequenceStats sequence, SequenceStats firstStep, Routine routine) {
        List<Occurrence> heldOut() {
            return stats.sample().validation();
        }
    }

    /**
     * The candidate of sessions {@code from} to {@code to} (exclusive) in which get uses element 0 of list's ids in
     * three sessions of five, element 1 otherwise: its held-out half has matches and mismatches.
     */
    private Given given(int from, int to) {
        Mining mining = new Mining(Map.of("miner.min.binding.consistency", "0.5"));
        mining.feed(Routines.sessions(from, to, i -> pick(i, i % 5 < 3 ? 0 : 1)));
        CandidateStats stats = mining.candidate(SEQUENCE).stats();
        return new Given(stats, mining.store.sequence(stats.sequence()),
                mining.store.sequence(SequenceStats.firstStepKey(stats.firstStep())),
                RoutineInference.infer(stats, config.toolEffects()).orElseThrow());
    }

    private static CandidateStats withSlotReplaced(CandidateStats stats, int slot, Occurrence occurrence) {
        Sample sample = stats.sample();
        List<Occurrence> occurrences = new ArrayList<>(sample.occurrences());
        occurrences.set(slot, occurrence);
        return new CandidateStats(stats.firstStep(), stats.sequence(), stats.tools(), stats.tally(),
                new Sample(occurrences, sample.offered(), sample.unsampled(), sample.changes() + 1), stats.freeValues());
    }

    private static ReviewResult validation(Verdict verdict) {
        return verdict.reviews().stream().filter(r -> r.name().equals(ValidationReview.NAME)).findFirst().orElseThrow();
    }

    /** list returns two ids; get uses the one at {@code element}. */
    private static FinishedSession pick(int i, int element) {
        return Sessions.session("s" + i, "agent", SessionOutcome.SUCCESS, null,
                "list", "{\"q\":\"q" + i + "\"}", "{\"ids\":[\"a" + i + "\",\"b" + i + "\"]}",
                "get", "{\"id\":\"" + (element == 0 ? "a" : "b") + i + "\"}", "{}");
    }
}
