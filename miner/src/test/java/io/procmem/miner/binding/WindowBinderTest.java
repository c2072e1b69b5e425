package io.procmem.miner.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Sessions;
import io.procmem.miner.abstraction.SessionRuns;
import io.procmem.miner.session.BufferedStep;
import io.procmem.miner.session.FinishedSession;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowBinderTest {

    @Test
    void shouldBindToTheMostRecentResultThenTheShortestPath() {
        List<StepObservation> steps = bind(null, null,
                "find", "{\"q\":\"x\"}", "{\"deep\":{\"id\":\"u1\"},\"id\":\"u1\"}",
                "load", "{\"q\":\"y\"}", "{\"owner\":{\"ref\":{\"id\":\"u1\"}}}",
                "use", "{\"id\":\"u1\"}", "{}");

        ArgumentObservation id = steps.get(2).arguments().get(0);
        assertThat(id.source()).isEqualTo(Source.STEP_RESULT);
        assertThat(id.exact()).as("step 1 is more recent than step 0's shorter path").isEqualTo("$.steps[1].result.owner.ref.id");
    }

    @Test
    void shouldCompareStringsTrimmedAndNumbersByValue() {
        List<StepObservation> steps = bind(null, null,
                "find", "{}", "{\"name\":\"  Mia \",\"price\":100.0}",
                "use", "{\"amount\":1E+2,\"who\":\"Mia\"}", "{}");

        assertThat(steps.get(1).arguments()).extracting(ArgumentObservation::exact)
                .containsExactly("$.steps[0].result.price", "$.steps[0].result.name");
    }

    @Test
    void shouldGeneralizeListIndexesInThePatternOnly() {
        ArgumentObservation id = bind(null, null,
                "list", "{}", "{\"items\":[\"a\",\"b\",\"c\"]}",
                "get", "{\"id\":\"c\"}", "{}").get(1).arguments().get(0);

        assertThat(id.exact()).isEqualTo("$.steps[0].result.items[2]");
        assertThat(id.pattern()).isEqualTo("$.steps[0].result.items[*]");
        assertThat(id.patternRule()).isEqualTo("STEP_RESULT:$.steps[0].result.items[*]");
    }

    @Test
    void shouldBindARequestParameterWhenNoResultHoldsTheValue() {
        ArgumentObservation id = bind(null, "{\"customer\":\"u1\",\"other\":2}", "get", "{\"id\":\"u1\"}", "{}")
                .get(0).arguments().get(0);

        assertThat(id.source()).isEqualTo(Source.REQUEST_PARAM);
        assertThat(id.exact()).isEqualTo("$.request.params.customer");
    }

    @Test
    void shouldNameFreeInputsAfterTheArgumentAndShareThemBetweenEqualValues() {
        List<StepObservation> steps = bind("I am u1, please help", null,
                "a", "{\"id\":\"u1\",\"flag\":true}", "{}",
                "b", "{\"id\":\"u2\",\"flag\":true}", "{}",
                "c", "{\"id\":\"u1\"}", "{}");

        assertThat(steps).flatExtracting(StepObservation::arguments).extracting(ArgumentObservation::rule)
                .containsExactly("FREE:flag", "FREE:id", "FREE:flag_2", "FREE:id_2", "FREE:id");
        assertThat(steps.get(0).arguments().get(1).inRequest()).as("u1 is in the request text").isTrue();
        assertThat(steps.get(1).arguments().get(1).inRequest()).isFalse();
        assertThat(steps.get(1).arguments().get(0).source()).as("booleans are never looked up").isEqualTo(Source.FREE);
    }

    @Test
    void shouldOnlyReadResultsInsideTheWindow() {
        FinishedSession session = Sessions.session("s", "a", SessionOutcome.SUCCESS, null,
                "find", "{}", "{\"id\":\"u1\"}",
                "other", "{}", "{}",
                "use", "{\"id\":\"u1\"}", "{}");
        List<FoldedStep> run = LoopFolder.fold(SessionRuns.of(session).get(0));

        BoundWindow inside = WindowBinder.bind(run, 0, 2, new Request(null, null)).orElseThrow();
        BoundWindow outside = WindowBinder.bind(run, 1, 2, new Request(null, null)).orElseThrow();

        assertThat(inside.steps().get(2).arguments().get(0).exact()).isEqualTo("$.steps[0].result.id");
        assertThat(inside.sourceResults()).containsOnlyKeys(0);
        assertThat(outside.steps().get(1).arguments().get(0).source()).isEqualTo(Source.FREE);
        assertThat(outside.sourceResults()).isEmpty();
    }

    @Test
    void shouldWriteSignaturesWithLoopMarksAndBindingPatterns() {
        List<StepObservation> steps = bind(null, null,
                "get_user", "{\"user_id\":\"u1\"}", "{\"reservations\":[\"r1\",\"r2\"]}",
                "get_reservation", "{\"reservation_id\":\"r1\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r2\"}", "{}");

        assertThat(Signatures.sequence(steps)).isEqualTo("get_user(user_id) > foreach get_reservation(reservation_id)");
        assertThat(Signatures.signature(steps)).isEqualTo("get_user(user_id){user_id=FREE:user_id} > "
                + "foreach get_reservation(reservation_id){foreach=$.steps[0].result.reservations; "
                + "reservation_id=LOOP_ELEMENT:$.item}");
    }

    @Test
    void shouldBindTheWindowsFromOneStepAsEachWindowOnItsOwn() {
        FinishedSession session = Sessions.of("s", "a", SessionOutcome.SUCCESS, "I am u1", "{\"customer\":\"u1\",\"code\":\"X\"}",
                Sessions.session("s", "a", SessionOutcome.SUCCESS, null,
                        "find", "{\"q\":\"u1\"}", "{\"id\":\"u1\",\"items\":[\"r1\",\"r2\"]}",
                        "get", "{\"id\":\"r1\"}", "{\"ok\":true}",
                        "get", "{\"id\":\"r2\"}", "{\"ok\":true}",
                        "note", "{\"code\":\"X\",\"who\":\"u1\"}", "{\"ref\":\"n1\"}",
                        "note", "{\"code\":\"Y\",\"who\":\"u2\"}", "{\"ref\":\"n2\"}",
                        "send", "{\"a\":\"n1\",\"b\":\"Y\",\"c\":\"Y\",\"d\":\"u2\"}", "{}").steps());
        List<FoldedStep> run = LoopFolder.fold(SessionRuns.of(session).get(0));
        Request request = Request.of(session.requestText(), session.requestParamsJson());
        WindowBinder.Windows windows = new WindowBinder.Windows(run, request);

        int compared = 0;
        int unbindable = 0;
        for (int from = run.size() - 1; from >= 0; from--) {
            for (int firstTo = from; firstTo < run.size(); firstTo++) {
                List<Optional<BoundWindow>> bound = windows.from(from, firstTo, run.size() - 1);
                assertThat(bound).hasSize(run.size() - firstTo);
                for (int to = firstTo; to < run.size(); to++) {
                    Optional<BoundWindow> alone = WindowBinder.bind(run, from, to, request);
                    assertThat(bound.get(to - firstTo)).as("run[%d..%d]", from, to).isEqualTo(alone);
                    compared++;
                    unbindable += alone.isEmpty() ? 1 : 0;
                }
            }
        }
        assertThat(run.get(1).loop()).as("the two gets fold").isNotNull();
        assertThat(compared).isGreaterThan(20);
        assertThat(unbindable).as("windows starting on the loop").isGreaterThan(0);
    }

    /** Binds the whole single run of a session made of (tool, arguments, result) triples. */
    static List<StepObservation> bind(String requestText, String paramsJson, String... toolArgsResult) {
        FinishedSession made = Sessions.session("s", "a", SessionOutcome.SUCCESS, requestText, toolArgsResult);
        List<BufferedStep> steps = made.steps();
        FinishedSession session = Sessions.of("s", "a", SessionOutcome.SUCCESS, requestText, paramsJson, steps);
        List<FoldedStep> run = LoopFolder.fold(SessionRuns.of(session).get(0));
        return WindowBinder.bind(run, 0, run.size() - 1, Request.of(requestText, paramsJson)).orElseThrow().steps();
    }
}
