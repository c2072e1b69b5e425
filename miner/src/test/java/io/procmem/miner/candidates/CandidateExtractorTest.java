package io.procmem.miner.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Sessions;
import io.procmem.miner.session.BufferedStep;
import io.procmem.miner.session.FinishedSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateExtractorTest {
    private final CandidateExtractor extractor = new CandidateExtractor(2, 6, LearnFrom.ALL, 4096);

    @Test
    void shouldGroupEveryWindowByItsFirstStepAndCountTheFirstSteps() {
        List<Observation> observations = extractor.extract(Sessions.session("s1", "agent", SessionOutcome.SUCCESS, null,
                "a", "{\"x\":1}", "{}", "b", "{\"x\":2}", "{}", "a", "{\"x\":3}", "{}", "c", "{\"x\":4}", "{}"));

        assertThat(observations).extracting(Observation::firstStep).containsExactly("a(x)", "b(x)", "c(x)");
        Observation a = observations.get(0);
        assertThat(a.firstStepCount()).isEqualTo(2);
        assertThat(a.occurrences()).extracting(Occurrence::sequence)
                .containsExactly("a(x) > b(x)", "a(x) > b(x) > a(x)", "a(x) > b(x) > a(x) > c(x)", "a(x) > c(x)");
        assertThat(a.occurrences()).extracting(Occurrence::firstIndex).containsExactly(0, 0, 0, 2);
        assertThat(observations.get(2).occurrences()).as("c is last: no window starts there").isEmpty();
        assertThat(observations.get(2).firstStepCount()).isEqualTo(1);
    }

    @Test
    void shouldFoldLoopsSoWalksOfDifferentLengthsAreOneRoutine() {
        List<Observation> three = extractor.extract(Sessions.session("s1", "agent", SessionOutcome.SUCCESS, null,
                "get_user", "{\"user_id\":\"u1\"}", "{\"reservations\":[\"r1\",\"r2\",\"r3\"]}",
                "get_reservation", "{\"reservation_id\":\"r1\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r2\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r3\"}", "{}"));
        List<Observation> two = extractor.extract(Sessions.session("s2", "agent", SessionOutcome.SUCCESS, null,
                "get_user", "{\"user_id\":\"u2\"}", "{\"reservations\":[\"r7\",\"r8\"]}",
                "get_reservation", "{\"reservation_id\":\"r7\"}", "{}",
                "get_reservation", "{\"reservation_id\":\"r8\"}", "{}"));

        assertThat(three).singleElement().extracting(o -> o.occurrences().get(0).signature())
                .isEqualTo(two.get(0).occurrences().get(0).signature());
        assertThat(three.get(0).occurrences().get(0).results()).containsOnlyKeys(0);
    }

    @Test
    void shouldNotSpanAFailedStepOrAStepThatNeverArrived() {
        List<BufferedStep> steps = List.of(Sessions.call(0, "a", "{}", null), new BufferedStep(1, "b", "{}", null, false),
                Sessions.call(2, "c", "{}", null), Sessions.call(3, "d", "{}", null), Sessions.call(5, "e", "{}", null),
                Sessions.call(6, "f", "{}", null));

        List<Observation> observations = extractor.extract(Sessions.of("s1", "agent", SessionOutcome.SUCCESS, null, null, steps));

        assertThat(observations).flatExtracting(Observation::occurrences).extracting(Occurrence::sequence)
                .containsExactly("c() > d()", "e() > f()");
    }

    @Test
    void shouldLearnOnlyFromSuccessfulSessionsWhenConfiguredSo() {
        FinishedSession failed = Sessions.session("s1", "agent", SessionOutcome.FAILURE, null, "a", "{}", "{}", "b", "{}", "{}");

        assertThat(new CandidateExtractor(2, 6, LearnFrom.SUCCESSFUL, 4096).extract(failed)).isEmpty();
        assertThat(extractor.extract(failed)).first().extracting(Observation::outcome).isEqualTo(SessionOutcome.FAILURE);
    }

    @Test
    void shouldCountButNotSampleAnOccurrenceReadingATooLargeResult() {
        String large = "{\"id\":\"u1\",\"pad\":\"" + "x".repeat(200) + "\"}";
        FinishedSession session = Sessions.session("s1", "agent", SessionOutcome.SUCCESS, null,
                "find", "{}", large, "use", "{\"id\":\"u1\"}", "{}");

        Occurrence occurrence = new CandidateExtractor(2, 6, LearnFrom.ALL, 100).extract(session).get(0).occurrences().get(0);

        assertThat(occurrence.sampleable()).isFalse();
        assertThat(occurrence.results()).isEmpty();
        assertThat(occurrence.steps().get(1).arguments().get(0).exact()).isEqualTo("$.steps[0].result.id");
    }
}
