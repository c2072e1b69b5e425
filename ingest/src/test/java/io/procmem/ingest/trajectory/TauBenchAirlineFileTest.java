package io.procmem.ingest.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.ingest.trajectory.RecordedSession.Outcome;
import io.procmem.ingest.trajectory.RecordedStep.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the bundled real recording: 50 tau-bench airline tasks x 4 trials by GPT-4o (see data/.../SOURCE.md). */
class TauBenchAirlineFileTest {
    /** Maven runs tests with the module directory as working directory. */
    static final Path FILE = Path.of("../data/tau-bench-airline-gpt4o/gpt-4o-airline.json");

    private static final List<RecordedSession> SESSIONS = new ArrayList<>();
    private static final List<TrajectoryProblem> PROBLEMS = new ArrayList<>();

    @BeforeAll
    static void readFile() throws Exception {
        new TrajectoryReader(FILE, SessionDefaults.forFile(FILE, null, "default")).read(record -> {
            if (record instanceof RecordedSession session) {
                SESSIONS.add(session);
            } else {
                PROBLEMS.add((TrajectoryProblem) record);
            }
        });
    }

    @Test
    void shouldReadEveryEpisodeStepAndRewardWithoutProblems() {
        assertThat(PROBLEMS).isEmpty();
        assertThat(SESSIONS).hasSize(200);
        assertThat(SESSIONS.stream().mapToInt(s -> s.steps().size()).sum()).isEqualTo(1164);
        assertThat(SESSIONS).filteredOn(s -> s.outcome() == Outcome.SUCCESS).hasSize(84);
        assertThat(SESSIONS).extracting(RecordedSession::sessionId).doesNotHaveDuplicates();
        assertThat(SESSIONS.stream().flatMap(s -> s.steps().stream()).filter(s -> s.status() == Status.ERROR)).hasSize(73);
    }

    @Test
    void shouldReadTheFirstEpisodeAsRecorded() {
        RecordedSession first = SESSIONS.get(0);

        assertThat(first.sessionId()).isEqualTo("gpt-4o-airline-t0-r0");
        assertThat(first.agentId()).isEqualTo("gpt-4o-airline");
        assertThat(first.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(first.reward()).isEqualTo(0.0);
        assertThat(first.requestText()).isEqualTo("Hi! I'm looking to book a flight from New York to Seattle on May 20th.");
        assertThat(first.steps()).extracting(RecordedStep::tool).containsExactly("get_user_details", "search_direct_flight",
                "search_onestop_flight", "calculate", "book_reservation", "think", "calculate", "book_reservation");
        RecordedStep lookup = first.steps().get(0);
        assertThat(lookup.argumentsJson()).isEqualTo("{\"user_id\":\"mia_li_3668\"}");
        assertThat(lookup.toolCallId()).isEqualTo("call_oIHazX6yQrB8hUwl4cRilFKj");
        assertThat(lookup.resultJson()).startsWith("{\"name\": {\"first_name\": \"Mia\", \"last_name\": \"Li\"}");
        assertThat(lookup.userMessageBefore()).startsWith("1. One-way\n2. Economy\n");
        RecordedStep refused = first.steps().get(4);
        assertThat(refused.status()).isEqualTo(Status.ERROR);
        assertThat(refused.errorMessage()).isEqualTo("Error: payment amount does not add up, total price is 305, but paid 255");
        assertThat(first.steps().get(3).resultJson()).isEqualTo("255.0");
        assertThat(first.steps().get(3).toolCallId()).isEqualTo(lookup.toolCallId());
    }
}
