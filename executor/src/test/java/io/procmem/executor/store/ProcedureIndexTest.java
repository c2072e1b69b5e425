package io.procmem.executor.store;

import static io.procmem.executor.TestProcedures.builder;
import static io.procmem.executor.TestProcedures.procedure;
import static io.procmem.executor.TestProcedures.support;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcedureIndexTest {
    private static final String USER = "get_user_details(user_id)";
    private static final String RESERVATION = "get_reservation_details(reservation_id)";
    private static final String CANCEL = "cancel_reservation(reservation_id)";
    private static final String FLIGHT_SEARCH = "search_direct_flight(date,destination,origin)";

    private final ProcedureIndex index = new ProcedureIndex();

    @Test
    void shouldHoldLatestVersionWhenVersionsArriveInOrder() {
        assertThat(index.put(procedure("p-1", 1, USER, RESERVATION))).isTrue();
        assertThat(index.put(procedure("p-1", 2, USER, RESERVATION))).isTrue();

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get("p-1")).get().extracting(CompiledProcedure::getVersion).isEqualTo(2);
        assertThat(startingWith(USER)).extracting(CompiledProcedure::getVersion).containsExactly(2);
    }

    @Test
    void shouldIgnoreOlderVersionArrivingLate() {
        index.put(procedure("p-1", 3, USER, RESERVATION));

        assertThat(index.put(procedure("p-1", 2, USER, CANCEL))).isFalse();

        assertThat(index.get("p-1")).get().extracting(CompiledProcedure::getVersion).isEqualTo(3);
        assertThat(startingWith(USER)).singleElement()
                .satisfies(p -> assertThat(p.getSteps().get(1).getAbstractStep()).isEqualTo(RESERVATION));
    }

    @Test
    void shouldForgetProcedureOnTombstone() {
        index.put(procedure("p-1", 1, USER, RESERVATION));

        assertThat(index.remove("p-1")).isTrue();

        assertThat(index.size()).isZero();
        assertThat(index.get("p-1")).isEmpty();
        assertThat(startingWith(USER)).isEmpty();
        assertThat(index.longestMatchable()).isZero();
        assertThat(index.remove("p-1")).isFalse();
    }

    @Test
    void shouldAcceptAnyVersionAfterTombstone() {
        index.put(procedure("p-1", 5, USER, RESERVATION));
        index.remove("p-1");

        assertThat(index.put(procedure("p-1", 1, USER, RESERVATION))).isTrue();

        assertThat(index.get("p-1")).get().extracting(CompiledProcedure::getVersion).isEqualTo(1);
    }

    @Test
    void shouldListRetiredProcedureButNeverOfferItForMatching() {
        index.put(procedure("p-1", 1, USER, RESERVATION));
        index.put(builder("p-1", 2, USER, RESERVATION).setStatus(ProcedureStatus.RETIRED).build());

        assertThat(index.all()).extracting(CompiledProcedure::getStatus).containsExactly(ProcedureStatus.RETIRED);
        assertThat(startingWith(USER)).isEmpty();
        assertThat(index.longestMatchable()).isZero();
    }

    @Test
    void shouldNotOfferSingleStepProcedureForMatching() {
        index.put(procedure("p-1", 1, USER));

        assertThat(index.size()).isEqualTo(1);
        assertThat(startingWith(USER)).isEmpty();
    }

    @Test
    void shouldMoveProcedureToNewBucketWhenNewVersionStartsElsewhere() {
        index.put(procedure("p-1", 1, USER, RESERVATION));
        index.put(procedure("p-2", 1, USER, CANCEL));

        index.put(procedure("p-1", 2, RESERVATION, CANCEL));

        assertThat(startingWith(USER)).extracting(CompiledProcedure::getProcedureId).containsExactly("p-2");
        assertThat(startingWith(RESERVATION)).extracting(CompiledProcedure::getProcedureId).containsExactly("p-1");
    }

    @Test
    void shouldTrackLongestMatchableProcedureAsProceduresComeAndGo() {
        index.put(procedure("p-short", 1, USER, RESERVATION));
        index.put(procedure("p-long", 1, USER, RESERVATION, CANCEL));
        assertThat(index.longestMatchable()).isEqualTo(3);

        index.remove("p-long");

        assertThat(index.longestMatchable()).isEqualTo(2);
    }

    @Test
    void shouldKeepSnapshotUnchangedByLaterUpdates() {
        index.put(procedure("p-1", 1, USER, RESERVATION));
        Map<String, CompiledProcedure> snapshot = index.snapshot();

        index.put(procedure("p-1", 2, USER, RESERVATION));
        index.put(procedure("p-2", 1, USER, CANCEL));

        assertThat(snapshot).containsOnlyKeys("p-1");
        assertThat(snapshot.get("p-1").getVersion()).isEqualTo(1);
    }

    @Test
    void shouldNeverShowReadersTwoVersionsOfOneProcedureWhileItIsUpdated() throws Exception {
        index.put(procedure("p-other", 1, USER, CANCEL));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int version = 1; version <= 20_000; version++) {
                index.put(procedure("p-1", version, USER, RESERVATION));
            }
        });
        int reads = 0;
        while (!writer.isDone() || reads == 0) {
            assertThat(startingWith(USER)).extracting(CompiledProcedure::getProcedureId).doesNotHaveDuplicates();
            reads++;
        }
        writer.get(30, TimeUnit.SECONDS);

        assertThat(startingWith(USER)).extracting(CompiledProcedure::getVersion).containsExactlyInAnyOrder(1, 20_000);
    }

    @Test
    void shouldNarrowByFollowingStepsAndRankBySupportThenId() {
        index.put(builder("p-b", 1, USER, RESERVATION, CANCEL).setSupport(support(5)).build());
        index.put(builder("p-a", 1, USER, RESERVATION, FLIGHT_SEARCH).setSupport(support(5)).build());
        index.put(builder("p-top", 1, USER, CANCEL).setSupport(support(9)).build());

        assertThat(startingWith(USER)).extracting(CompiledProcedure::getProcedureId).containsExactly("p-top", "p-a", "p-b");
        assertThat(index.rankedWithPrefix(List.of(CANCEL, USER, RESERVATION), 1))
                .extracting(CompiledProcedure::getProcedureId).containsExactly("p-a", "p-b");
        // Nothing is left after USER > CANCEL, so p-top does not continue it.
        assertThat(index.rankedWithPrefix(List.of(USER, CANCEL), 0)).isEmpty();
    }

    @Test
    void shouldReRankProcedureWhenItsSupportChanges() {
        index.put(builder("p-a", 1, USER, RESERVATION).setSupport(support(5)).build());
        index.put(builder("p-b", 1, USER, CANCEL).setSupport(support(3)).build());

        index.put(builder("p-b", 2, USER, CANCEL).setSupport(support(8)).build());

        assertThat(startingWith(USER)).extracting(CompiledProcedure::getProcedureId).containsExactly("p-b", "p-a");
    }

    private List<CompiledProcedure> startingWith(String abstractStep) {
        return index.rankedWithPrefix(List.of(abstractStep), 0);
    }
}
