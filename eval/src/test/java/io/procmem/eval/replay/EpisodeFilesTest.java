package io.procmem.eval.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeFilesTest {
    private static final String GOOD = "{\"id\":\"s1\",\"messages\":[{\"role\":\"user\",\"content\":\"find u1\"},"
            + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"function\":{\"name\":\"get_user\",\"arguments\":"
            + "\"{\\\"user_id\\\":\\\"u1\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"{\\\"ok\\\":1}\"},"
            + "{\"role\":\"user\",\"content\":\"thanks\"},"
            + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c2\",\"function\":{\"name\":\"get_user\",\"arguments\":"
            + "\"{\\\"user_id\\\":\\\"u2\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c2\",\"content\":\"Error: no\"}]}";

    @TempDir
    Path dir;

    @Test
    void shouldReadStepsWithUserTurnsResultsAndPromptSize() throws Exception {
        Path file = Files.writeString(dir.resolve("sessions.jsonl"), GOOD + "\n");

        Episode episode = EpisodeFiles.read(file, "fleet-a").get(0);

        assertThat(episode.fleet()).isEqualTo("fleet-a");
        assertThat(episode.steps()).extracting(EpisodeStep::userTurn).containsExactly(1, 2);
        assertThat(episode.steps()).extracting(EpisodeStep::ok).containsExactly(true, false);
        assertThat(episode.steps().get(0).promptChars()).isEqualTo("find u1".length());
        assertThat(episode.steps().get(1).promptChars()).isGreaterThan(episode.steps().get(0).promptChars());
        assertThat(episode.toFinishedSession(1).steps()).hasSize(2);
    }

    @Test
    void shouldRefuseAFileWithABadRecordNamingTheRecordAndTheReadersReason() throws Exception {
        Path file = Files.writeString(dir.resolve("mixed.jsonl"), GOOD + "\n{\"id\":\"s2\",\"messages\":[]}\n");

        assertThatThrownBy(() -> EpisodeFiles.read(file, "default")).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("mixed.jsonl").hasMessageContaining("record 1")
                .hasMessageContaining("no non-empty 'traj' or 'messages' list");
    }

    @Test
    void shouldRefuseAFileThatIsNotJsonNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> EpisodeFiles.read(file, "default")).isInstanceOf(EvalInputException.class)
                .hasMessageContaining("notes.txt");
    }
}
