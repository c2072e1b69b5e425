package io.procmem.miner.binding;

import static io.procmem.miner.binding.WindowBinderTest.bind;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Sessions;
import io.procmem.miner.abstraction.SessionRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopFolderTest {
    private static final String USER = "{\"reservations\":[\"r1\",\"r2\",\"r3\"]}";

    @Test
    void shouldFoldAWalkOverEveryElementIntoOneLoopStep() {
        List<StepObservation> steps = bind(null, null, "get_user", "{\"user_id\":\"u1\"}", USER,
                "get_reservation", "{\"reservation_id\":\"r1\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r2\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r3\"}", "{}");

        assertThat(steps).hasSize(2);
        StepObservation loop = steps.get(1);
        assertThat(loop.foreach()).isEqualTo("$.steps[0].result.reservations");
        assertThat(loop.arguments()).singleElement().satisfies(argument -> {
            assertThat(argument.source()).isEqualTo(Source.LOOP_ELEMENT);
            assertThat(argument.exact()).isEqualTo("$.item");
        });
        assertThat(loop.calls()).containsExactly("{\"reservation_id\":\"r1\"}", "{\"reservation_id\":\"r2\"}",
                "{\"reservation_id\":\"r3\"}");
    }

    @Test
    void shouldFoldALoneCallOverAOneElementList() {
        List<StepObservation> steps = bind(null, null, "get_user", "{}", "{\"reservations\":[\"r1\"]}",
                "get_reservation", "{\"reservation_id\":\"r1\"}", "{}");

        assertThat(steps.get(1).foreach()).isEqualTo("$.steps[0].result.reservations");
    }

    @Test
    void shouldLeaveAPartialWalkUnfoldedWithEachCallBoundToItsElement() {
        List<StepObservation> steps = bind(null, null, "get_user", "{}", USER,
                "get_reservation", "{\"reservation_id\":\"r1\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r2\"}", "{}");

        assertThat(steps).hasSize(3).allSatisfy(step -> assertThat(step.foreach()).isNull());
        assertThat(steps.get(2).arguments().get(0).exact()).isEqualTo("$.steps[0].result.reservations[1]");
    }

    @Test
    void shouldBindOtherArgumentsToFieldsOfTheSameElementOrKeepThemFixed() {
        String flights = "{\"flights\":[{\"no\":\"F1\",\"date\":\"d1\"},{\"no\":\"F2\",\"date\":\"d2\"}]}";
        List<StepObservation> steps = bind(null, null, "get_trip", "{}", flights,
                "status", "{\"date\":\"d1\",\"flight\":\"F1\",\"lang\":\"en\"}", "{}",
                "status", "{\"date\":\"d2\",\"flight\":\"F2\",\"lang\":\"en\"}", "{}");

        assertThat(steps.get(1).foreach()).isEqualTo("$.steps[0].result.flights");
        assertThat(steps.get(1).arguments()).extracting(ArgumentObservation::rule)
                .containsExactly("LOOP_ELEMENT:$.item.date", "LOOP_ELEMENT:$.item.no", "FREE:lang");
    }

    @Test
    void shouldNotFoldWhenAnotherArgumentVariesWithoutFollowingTheElement() {
        List<StepObservation> steps = bind(null, null, "get_user", "{}", "{\"reservations\":[\"r1\",\"r2\"]}",
                "get_reservation", "{\"reservation_id\":\"r1\",\"note\":\"a\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r2\",\"note\":\"b\"}", "{}");

        assertThat(steps).hasSize(3);
    }

    @Test
    void shouldNotBindAWindowWhoseLoopWalksAListBeforeIt() {
        var session = Sessions.session("s", "a", SessionOutcome.SUCCESS, null, "get_user", "{}", USER,
                "get_reservation", "{\"reservation_id\":\"r1\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r2\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r3\"}", "{}",
                "done", "{}", "{}");
        List<FoldedStep> run = LoopFolder.fold(SessionRuns.of(session).get(0));

        assertThat(run).hasSize(3);
        assertThat(WindowBinder.bind(run, 1, 2, new Request(null, null))).isEmpty();
        assertThat(WindowBinder.bind(run, 0, 2, new Request(null, null))).isPresent();
    }
}
