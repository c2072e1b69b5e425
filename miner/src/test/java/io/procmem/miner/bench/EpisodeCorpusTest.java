package io.procmem.miner.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeCorpusTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepSuccessfulEpisodesWithCallsPairedToTheirResults() throws IOException {
        Path file = write("""
                [{"reward": 1.0, "traj": [
                  {"role": "user", "content": "cancel my trip"},
                  {"role": "assistant", "tool_calls": [{"id": "c1", "function": {"name": "get_user_details", "arguments": "{\\"user_id\\": \\"ann_lee_1\\"}"}}]},
                  {"role": "tool", "tool_call_id": "c1", "content": "{\\"reservations\\": [\\"AB12CD\\"]}"},
                  {"role": "assistant", "tool_calls": [{"id": "c2", "function": {"name": "cancel_reservation", "arguments": "{\\"reservation_id\\": \\"AB12CD\\"}"}}]},
                  {"role": "tool", "tool_call_id": "c2", "content": "Error: too late"}]},
                 {"reward": 0.0, "traj": [
                  {"role": "assistant", "tool_calls": [{"id": "x", "function": {"name": "a", "arguments": "{}"}}, {"id": "y", "function": {"name": "b", "arguments": "{}"}}]}]}]
                """);

        List<Episode> episodes = EpisodeCorpus.read(file);

        assertThat(episodes).singleElement().satisfies(episode -> {
            assertThat(episode.requestText()).isEqualTo("cancel my trip");
            assertThat(episode.calls()).extracting(Episode.Call::tool).containsExactly("get_user_details", "cancel_reservation");
            assertThat(episode.calls().get(0).resultJson()).isEqualTo("{\"reservations\": [\"AB12CD\"]}");
            assertThat(episode.calls().get(1).resultJson()).isEqualTo("\"Error: too late\"");
            assertThat(episode.calls().get(1).failed()).isTrue();
        });
    }

    @Test
    void shouldNameTheRecordWhoseArgumentsAreNotJson() throws IOException {
        Path file = write("""
                [{"reward": 1.0, "traj": [{"role": "assistant", "tool_calls": [{"id": "c", "function": {"name": "t", "arguments": "{oops"}}]}]}]
                """);

        assertThatThrownBy(() -> EpisodeCorpus.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("episodes.json#0").hasMessageContaining("not JSON");
    }

    @Test
    void shouldReadTheBundledAirlineTrajectories() {
        List<Episode> episodes = EpisodeCorpus.read(MinerBenchIT.AIRLINE);

        assertThat(episodes).hasSizeGreaterThan(50).allSatisfy(episode -> assertThat(episode.calls()).hasSizeGreaterThan(1));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("episodes.json"), json);
    }
}
