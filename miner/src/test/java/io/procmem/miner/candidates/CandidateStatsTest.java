package io.procmem.miner.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.binding.ArgumentObservation;
import io.procmem.miner.binding.Source;
import io.procmem.miner.binding.StepObservation;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.topology.JsonSerde;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class CandidateStatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StepObservation GET_USER = new StepObservation("get_user", "get_user(user_id)", null, null,
            List.of(new ArgumentObservation("user_id", Source.FREE, "user_id", "user_id", "\"u1\"", true)),
            List.of("{\"user_id\":\"u1\"}"));
    /** Written by the version that copied freeValues into new TreeMaps on every count. */
    private static final String BEFORE = "{\"firstStep\":\"get_user(user_id)\","
            + "\"sequence\":\"get_user(user_id) > get_order(id,user_id)\",\"tools\":[\"get_user\",\"get_order\"],"
            + "\"tally\":{\"occurrences\":2,\"sessions\":2,\"agents\":[\"amy\",\"zed\"],\"successfulSessions\":1,"
            + "\"failedSessions\":1,\"firstSeenMs\":5,\"lastSeenMs\":6,\"fleet\":\"acme\"},"
            + "\"sample\":{\"occurrences\":[" + occurrenceJson("s1", "7") + "," + occurrenceJson("s2", "8") + "],"
            + "\"offered\":2,\"unsampled\":0,\"changes\":2},"
            + "\"freeValues\":{\"id\":{\"valueJson\":null,\"varies\":true,\"seen\":2,\"inRequest\":0,\"jsonType\":\"integer\"},"
            + "\"user_id\":{\"valueJson\":\"\\\"u1\\\"\",\"varies\":false,\"seen\":2,\"inRequest\":2,\"jsonType\":\"string\"}}}";

    @Test
    void shouldWriteTheJsonItWroteBefore() throws Exception {
        CandidateStats stats = twoSessions();
        // Since then the tally adds the first step's count before the candidate; state written before reads it as 0.
        String now = BEFORE.replace("\"fleet\":\"acme\"}", "\"fleet\":\"acme\",\"firstStepsBefore\":0}");

        assertThat(JSON.writeValueAsString(stats)).isEqualTo(now);
        CandidateStats read = JSON.readValue(BEFORE, CandidateStats.class);
        assertThat(read).isEqualTo(stats);
        assertThat(JSON.writeValueAsString(read)).isEqualTo(now);
        assertThat(JSON.writeValueAsString(CandidateState.none().withStats(stats)))
                .isEqualTo("{\"stats\":" + now + ",\"reviews\":[],\"emission\":{\"version\":0,\"emittedSupport\":0,"
                        + "\"firstEmittedMs\":0,\"status\":null},\"reviewed\":null}");
        Serde<CandidateStats> smile = JsonSerde.of(CandidateStats.class);
        assertThat(smile.deserializer().deserialize("t", smile.serializer().serialize("t", stats))).isEqualTo(stats);
    }

    @Test
    void shouldHoldItsFreeValuesSortedAndReadOnly() {
        Map<String, FreeValue> given = new HashMap<>(Map.of("b", FreeValue.first("1", false), "a", FreeValue.first("2", true)));
        CandidateStats stats = new CandidateStats("a()", "a()", List.of("a"), Tally.none(), Sample.empty(), given);
        given.put("c", FreeValue.first("3", false));

        assertThat(stats.freeValues()).containsOnlyKeys("a", "b");
        assertThat(stats.freeValues().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> stats.freeValues().put("c", FreeValue.first("3", false)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stats.freeValues().entrySet().iterator().next().setValue(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stats.freeValues().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldCountIntoNewFiguresAndLeaveTheEarlierOnesAsTheyWere() {
        CandidateStats one = CandidateStats.none().add(observation("s1", "zed"), List.of(order("s1", "7")), 4, 5, 0);
        CandidateStats two = one.add(observation("s2", "amy"), List.of(order("s2", "8")), 4, 6, 0);

        assertThat(one.freeValues().get("id")).isEqualTo(FreeValue.first("7", false));
        assertThat(two.freeValues().get("id").varies()).isTrue();
        assertThat(two.tools()).as("the same tools, not rebuilt").isSameAs(one.tools());
    }

    @Test
    void shouldKeepTheFreeValuesWhenTheOccurrencesHaveNoFreeInput() {
        Occurrence bound = new Occurrence("s1", 0, List.of(new StepObservation("ping", "ping()", null, null, List.of(),
                List.of("{}"))), Map.of(), null, true);
        CandidateStats stats = new CandidateStats("ping()", "ping()", List.of("ping"), Tally.none(), Sample.empty(),
                Map.of("x", FreeValue.first("1", false)));

        CandidateStats counted = stats.add(observation("s1", "a"), List.of(bound), 4, 1, 0);

        assertThat(counted.freeValues()).isSameAs(stats.freeValues());
        assertThat(counted.tally().occurrences()).isEqualTo(1);
    }

    private static CandidateStats twoSessions() {
        return CandidateStats.none()
                .add(observation("s1", "zed"), List.of(order("s1", "7")), 4, 5, 0)
                .add(new Observation("get_user(user_id)", "s2", "amy", "acme", SessionOutcome.FAILURE, 1, List.of()),
                        List.of(order("s2", "8")), 4, 6, 0);
    }

    private static Observation observation(String session, String agent) {
        return new Observation("get_user(user_id)", session, agent, "acme", SessionOutcome.SUCCESS, 1, List.of());
    }

    private static Occurrence order(String session, String id) {
        StepObservation order = new StepObservation("get_order", "get_order(id,user_id)", null, null,
                List.of(new ArgumentObservation("id", Source.FREE, "id", "id", id, false),
                        new ArgumentObservation("user_id", Source.FREE, "user_id", "user_id", "\"u1\"", true)),
                List.of("{\"id\":" + id + ",\"user_id\":\"u1\"}"));
        return new Occurrence(session, 0, List.of(GET_USER, order), Map.of(), null, true);
    }

    private static String occurrenceJson(String session, String id) {
        return "{\"sessionId\":\"" + session + "\",\"firstIndex\":0,\"steps\":[{\"tool\":\"get_user\","
                + "\"abstractStep\":\"get_user(user_id)\",\"foreach\":null,\"foreachPattern\":null,\"arguments\":[{\"name\":"
                + "\"user_id\",\"source\":\"FREE\",\"exact\":\"user_id\",\"pattern\":\"user_id\",\"valueJson\":\"\\\"u1\\\"\","
                + "\"inRequest\":true}],\"calls\":[\"{\\\"user_id\\\":\\\"u1\\\"}\"]},{\"tool\":\"get_order\",\"abstractStep\":"
                + "\"get_order(id,user_id)\",\"foreach\":null,\"foreachPattern\":null,\"arguments\":[{\"name\":\"id\",\"source\":"
                + "\"FREE\",\"exact\":\"id\",\"pattern\":\"id\",\"valueJson\":\"" + id + "\",\"inRequest\":false},{\"name\":"
                + "\"user_id\",\"source\":\"FREE\",\"exact\":\"user_id\",\"pattern\":\"user_id\",\"valueJson\":\"\\\"u1\\\"\","
                + "\"inRequest\":true}],\"calls\":[\"{\\\"id\\\":" + id + ",\\\"user_id\\\":\\\"u1\\\"}\"]}],\"results\":{},"
                + "\"requestParamsJson\":null,\"sampleable\":true}";
    }
}
