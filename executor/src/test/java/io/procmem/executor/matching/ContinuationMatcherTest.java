package io.procmem.executor.matching;

import static io.procmem.executor.TestProcedures.builder;
import static io.procmem.executor.TestProcedures.procedure;
import static io.procmem.executor.TestProcedures.support;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.store.ProcedureIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuationMatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "get_user_details(user_id)";
    private static final String RESERVATION = "get_reservation_details(reservation_id)";
    private static final String FLIGHT = "search_direct_flight(date,destination,origin)";
    private static final String CANCEL = "cancel_reservation(reservation_id)";

    private final ProcedureIndex index = new ProcedureIndex();
    private final ContinuationMatcher matcher = new ContinuationMatcher(index);

    @Test
    void shouldOfferRemainingStepsWhenLastStepsEqualProcedurePrefix() {
        index.put(procedure("p-1", 4, USER, RESERVATION, CANCEL));

        List<Continuation> matches = matcher.match(ContinuationQuery.of(List.of(
                call("get_user_details", "{\"user_id\": \"mia_li_3668\"}"),
                call("get_reservation_details", "{\"reservation_id\": \"NO6JO3\"}"))));

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.procedureId()).isEqualTo("p-1");
            assertThat(match.version()).isEqualTo(4);
            assertThat(match.matchedSteps()).isEqualTo(2);
            assertThat(match.remainingSteps()).containsExactly(
                    new RemainingStep(2, "cancel_reservation", CANCEL, List.of("reservation_id")));
        });
    }

    @Test
    void shouldNotMatchWhenProcedureWouldHaveNothingLeftToRun() {
        index.put(procedure("p-1", 1, USER, RESERVATION));

        assertThat(matcher.matchAbstract(List.of(USER, RESERVATION), null, 10)).isEmpty();
    }

    @Test
    void shouldMatchOnlyAtTheEndOfTheStepsSoFar() {
        index.put(procedure("p-1", 1, USER, RESERVATION, CANCEL));

        assertThat(matcher.matchAbstract(List.of(USER, RESERVATION, FLIGHT), null, 10)).isEmpty();
        assertThat(matcher.matchAbstract(List.of(FLIGHT, USER), null, 10))
                .extracting(Continuation::matchedSteps).containsExactly(1);
    }

    @Test
    void shouldReportProcedureOnceWithItsLargestMatch() {
        // After USER, USER the procedure fits both at k=2 (USER, USER) and at k=1 (the last USER).
        index.put(procedure("p-1", 1, USER, USER, RESERVATION));

        assertThat(matcher.matchAbstract(List.of(USER, USER), null, 10))
                .extracting(Continuation::procedureId, Continuation::matchedSteps)
                .containsExactly(tuple("p-1", 2));
    }

    @Test
    void shouldOrderByMatchedStepsThenSupportThenId() {
        index.put(builder("p-b", 1, RESERVATION, CANCEL).setSupport(support(50)).build());
        index.put(builder("p-a", 1, RESERVATION, FLIGHT).setSupport(support(50)).build());
        index.put(builder("p-weak", 1, RESERVATION, USER).setSupport(support(3)).build());
        index.put(builder("p-long", 1, USER, RESERVATION, CANCEL).setSupport(support(1)).build());

        assertThat(matcher.matchAbstract(List.of(USER, RESERVATION), null, 10))
                .extracting(Continuation::procedureId)
                .containsExactly("p-long", "p-a", "p-b", "p-weak");
    }

    @Test
    void shouldReturnNothingWhenNoProcedureContinuesTheSteps() {
        index.put(procedure("p-1", 1, USER, RESERVATION));

        assertThat(matcher.matchAbstract(List.of(FLIGHT), null, 10)).isEmpty();
    }

    @Test
    void shouldOfferOnlyTheRequestedFleetsProcedures() {
        index.put(builder("p-air", 1, USER, RESERVATION).setFleet("airline").build());
        index.put(builder("p-shop", 1, USER, CANCEL).setFleet("retail").build());

        assertThat(matcher.matchAbstract(List.of(USER), "retail", 10))
                .extracting(Continuation::procedureId).containsExactly("p-shop");
        assertThat(matcher.matchAbstract(List.of(USER), null, 10))
                .extracting(Continuation::procedureId).containsExactlyInAnyOrder("p-air", "p-shop");
    }

    @Test
    void shouldTreatDifferentArgumentNamesAsDifferentSteps() {
        index.put(procedure("p-1", 1, USER, RESERVATION));

        assertThat(matcher.match(ContinuationQuery.of(List.of(call("get_user_details", "{\"email\": \"a@b.c\"}")))))
                .isEmpty();
        assertThat(matcher.match(ContinuationQuery.of(List.of(call("get_user_details", "{\"user_id\": \"other\"}")))))
                .extracting(Continuation::procedureId).containsExactly("p-1");
    }

    @Test
    void shouldNeverOfferRetiredProcedure() {
        index.put(builder("p-1", 2, USER, RESERVATION).setStatus(ProcedureStatus.RETIRED).build());

        assertThat(matcher.matchAbstract(List.of(USER), null, 10)).isEmpty();
    }

    @Test
    void shouldReturnAtMostLimitMatches() {
        for (int i = 0; i < 5; i++) {
            index.put(procedure("p-" + i, 1, USER, "tool_" + i + "()"));
        }

        assertThat(matcher.matchAbstract(List.of(USER), null, 2))
                .extracting(Continuation::procedureId).containsExactly("p-0", "p-1");
    }

    private static ObservedStep call(String tool, String argumentsJson) {
        try {
            return ObservedStep.of(tool, JSON.readTree(argumentsJson));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
