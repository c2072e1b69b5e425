package io.procmem.miner.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.topology.JsonSerde;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class TallyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeepAtMostTheCapOfAgentsAndTheFirstOnesSeen() {
        Tally tally = Tally.none();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < Tally.MAX_TRACKED_AGENTS + 50; i++) {
            agents.add(String.format("agent-%03d", (i * 37) % 1000));
            tally = tally.add(session(agents.get(i)), 1, i, 0);
        }

        assertThat(tally.agentCount()).isEqualTo(Tally.MAX_TRACKED_AGENTS);
        assertThat(tally.agents()).containsExactlyElementsOf(new TreeSet<>(agents.subList(0, Tally.MAX_TRACKED_AGENTS)));
        assertThat(tally.sessions()).isEqualTo(Tally.MAX_TRACKED_AGENTS + 50);
    }

    @Test
    void shouldKeepTheSameAgentsWhenNoneIsAdded() {
        Tally tally = Tally.none().add(session("b"), 1, 1, 0).add(session("a"), 1, 2, 0);

        assertThat(tally.add(session("a"), 1, 3, 0).agents()).as("a known agent").isSameAs(tally.agents());
        assertThat(tally.add(session(null), 1, 3, 0).agents()).as("no agent").isSameAs(tally.agents());
        Tally full = Tally.none();
        for (int i = 0; i < Tally.MAX_TRACKED_AGENTS; i++) {
            full = full.add(session("agent-" + i), 1, i, 0);
        }
        assertThat(full.add(session("one-more"), 1, 200, 0).agents()).as("at the cap").isSameAs(full.agents());
        assertThat(tally.add(session("c"), 1, 3, 0).agents()).as("a new agent").containsExactly("a", "b", "c");
        assertThat(tally.agents()).as("unchanged by the addition").containsExactly("a", "b");
    }

    @Test
    void shouldHoldItsAgentsSortedAndReadOnly() {
        Set<String> given = new HashSet<>(List.of("zed", "amy", "kim"));
        Tally tally = new Tally(3, 3, given, 3, 0, 1, 2, "acme", 0);
        given.add("bob");

        assertThat(tally.agents()).containsExactly("amy", "kim", "zed");
        assertThatThrownBy(() -> tally.agents().add("bob")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tally.agents().iterator().remove()).isInstanceOf(RuntimeException.class);
        assertThat(tally).isEqualTo(new Tally(3, 3, Set.of("kim", "zed", "amy"), 3, 0, 1, 2, "acme", 0));
    }

    @Test
    void shouldWriteTheJsonItWroteBefore() throws Exception {
        Tally tally = Tally.none();
        for (String agent : new String[] {"zed", "amy", null, "kim", "amy"}) {
            tally = tally.add(new Observation("a(x)", "s", agent, "acme", SessionOutcome.SUCCESS, 1, List.of()), 2, 10, 0);
        }
        // Written by the version that copied the agents into a TreeSet on every count.
        String before = "{\"occurrences\":10,\"sessions\":5,\"agents\":[\"amy\",\"kim\",\"zed\"],\"successfulSessions\":5,"
                + "\"failedSessions\":0,\"firstSeenMs\":10,\"lastSeenMs\":10,\"fleet\":\"acme\"}";

        // Since then it adds the first step's count before the candidate; state written before reads it as 0.
        String now = before.replace("\"fleet\":\"acme\"}", "\"fleet\":\"acme\",\"firstStepsBefore\":0}");

        assertThat(JSON.writeValueAsString(tally)).isEqualTo(now);
        Tally read = JSON.readValue(before.replace("[\"amy\",\"kim\",\"zed\"]", "[\"zed\",\"kim\",\"amy\"]"), Tally.class);
        assertThat(read).isEqualTo(tally);
        assertThat(JSON.writeValueAsString(read)).isEqualTo(now);
        Serde<Tally> smile = JsonSerde.of(Tally.class);
        assertThat(smile.deserializer().deserialize("t", smile.serializer().serialize("t", tally))).isEqualTo(tally);
    }

    @Test
    void shouldKeepTheFirstStepCountOfItsFirstSession() {
        Tally tally = Tally.none().add(session("a"), 1, 1, 40).add(session("b"), 1, 2, 55);

        assertThat(tally.firstStepsBefore()).isEqualTo(40);
        assertThat(tally.add(session("c"), 1, 3, 0).firstStepsBefore()).isEqualTo(40);
    }

    private static Observation session(String agent) {
        return new Observation("a(x)", "s", agent, "acme", SessionOutcome.SUCCESS, 1, List.of());
    }
}
