package io.procmem.ingest.trajectory;

import static io.procmem.ingest.trajectory.TrajectoryFiles.chat;
import static io.procmem.ingest.trajectory.TrajectoryFiles.json;
import static io.procmem.ingest.trajectory.TrajectoryFiles.readAll;
import static io.procmem.ingest.trajectory.TrajectoryFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrajectoryReaderProblemsTest {
    private static final String USER = "{'role':'user','content':'hi'}";

    @TempDir
    Path dir;

    private static String session(String... messages) {
        return json("{'messages':[" + String.join(",", messages) + "]}");
    }

    private static String call(String id, String name, String arguments) {
        return "{'role':'assistant','tool_calls':[{'id':'" + id + "','function':{'name':'" + name + "','arguments':" + arguments + "}}]}";
    }

    private static String answer(String id, String name) {
        return "{'role':'tool','tool_call_id':'" + id + "','name':'" + name + "','content':'ok'}";
    }

    static Stream<Arguments> malformedRecords() {
        return Stream.of(
                Arguments.of("42", "record is not a JSON object but number"),
                Arguments.of("null", "record is not a JSON object but null"),
                Arguments.of(json("{'id':'x'}"), "record has no non-empty 'traj' or 'messages' list of chat messages"),
                Arguments.of(json("{'messages':[]}"), "record has no non-empty 'traj' or 'messages' list of chat messages"),
                Arguments.of(session(USER, "'hello'"), "messages[1] is not a JSON object but string"),
                Arguments.of(session("{'content':'who am I'}"), "messages[0] has no 'role'"),
                Arguments.of(session(USER, "{'role':'assistant','tool_calls':{}}"), "messages[1].tool_calls is not a list but object"),
                Arguments.of(session(USER, "{'role':'assistant','tool_calls':[{'id':'c1','function':{'arguments':'{}'}}]}"),
                        "messages[1].tool_calls[0] has no function.name"),
                Arguments.of(session(USER, call("c1", "get_user_details", "'[1,2]'")),
                        "messages[1].tool_calls[0] (get_user_details): arguments are a JSON array, not an object"),
                Arguments.of(session(USER, call("c1", "get_user_details", "7")),
                        "messages[1].tool_calls[0] (get_user_details): arguments are a JSON number, not an object"),
                Arguments.of(session(USER, call("c1", "get_user_details", "'{user_id'")),
                        "messages[1].tool_calls[0] (get_user_details): arguments are not valid JSON: "
                                + "Unexpected character ('u' (code 117)): was expecting double-quote to start field name"),
                Arguments.of(session(USER, call("c1", "get_user_details", "'{}'"), answer("c2", "get_user_details")),
                        "messages[2] (tool) answers unknown tool_call_id 'c2'"),
                Arguments.of(session(USER, call("c1", "get_user_details", "'{}'"), answer("c1", "get_user_details"),
                        answer("c1", "get_user_details")), "messages[3] (tool) answers unknown tool_call_id 'c1'"),
                Arguments.of(session(USER, call("c1", "get_user_details", "'{}'"), answer("c1", "search_flights")),
                        "messages[2] (tool) answers tool_call_id 'c1' of get_user_details but is named search_flights"),
                Arguments.of(session(USER, "{'role':'tool','content':'ok'}"), "messages[1] (tool) has no 'tool_call_id'"),
                Arguments.of(json("{'reward':'high','messages':[" + USER + "]}"), "'reward' is not a number but string \"high\""),
                Arguments.of(json("{'outcome':'great','messages':[" + USER + "]}"),
                        "'outcome' must be success, failure or unknown, not \"great\""),
                Arguments.of(json("{'request_params':'x','messages':[" + USER + "]}"), "'request_params' is not a JSON object but string"),
                Arguments.of(json("{'metadata':[],'messages':[" + USER + "]}"), "'metadata' is not a JSON object but array"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedRecords")
    void shouldReportTheIndexAndReasonOfAMalformedRecordAndReadOn(String bad, String reason) throws Exception {
        String good = json("{'messages':") + chat() + "}";
        Path file = write(dir, "runs.json", "[" + good + ",\n  " + bad + " ,\n" + good + "]");

        List<TrajectoryRecord> records = readAll(file);

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(RecordedSession.class);
        assertThat(records.get(1)).isEqualTo(new TrajectoryProblem(1, reason, bad));
        assertThat(records.get(2)).isInstanceOf(RecordedSession.class).extracting(TrajectoryRecord::index).isEqualTo(2);
    }

    @Test
    void shouldKeepTheExactBytesOfABadRecordInAPrettyPrintedFileWithAByteOrderMark() throws Exception {
        String bad = "{\n  \"messages\": [],\n  \"note\": \"caf\u00e9\"\n}";
        Path file = write(dir, "one.json", "\uFEFF" + bad + "\n");

        assertThat(readAll(file)).containsExactly(
                new TrajectoryProblem(0, "record has no non-empty 'traj' or 'messages' list of chat messages", bad));
    }

    @Test
    void shouldReportABrokenJsonLineWithItsLineNumberAndReadOn() throws Exception {
        String good = json("{'messages':") + chat() + "}";
        String bad = json("{'messages': [");
        Path file = write(dir, "runs.jsonl", good + "\n\n" + bad + "\n" + good + "\n");

        List<TrajectoryRecord> records = readAll(file);

        assertThat(records).hasSize(3);
        TrajectoryProblem problem = (TrajectoryProblem) records.get(1);
        assertThat(problem.index()).isEqualTo(1);
        assertThat(problem.reason()).startsWith("line 3: not valid JSON: Unexpected end-of-input");
        assertThat(problem.rawJson()).isEqualTo(bad);
        assertThat(((RecordedSession) records.get(2)).sessionId()).isEqualTo("demo-2");
    }

    @Test
    void shouldPrefixTheLineNumberToARecordProblemInJsonLines() throws Exception {
        Path file = write(dir, "runs.jsonl", json("{'messages':") + chat() + "}\n" + json("{'id':'x'}") + "\n");

        TrajectoryProblem problem = (TrajectoryProblem) readAll(file).get(1);

        assertThat(problem.reason()).isEqualTo("line 2: record has no non-empty 'traj' or 'messages' list of chat messages");
    }

    @Test
    void shouldNameTheFileAndPositionWhenTheListIsCutShort() {
        Path file = write(dir, "cut.json", "[" + json("{'messages':") + chat() + "},\n{\"mess");

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TrajectoryFormatException.class)
                .hasMessageStartingWith(file + ": invalid JSON at line 2, column");
    }

    @Test
    void shouldRefuseAFileThatIsNeitherAListNorAnObject() {
        Path text = write(dir, "notes.json", "  hello");
        Path empty = write(dir, "empty.json", " \n ");

        assertThatThrownBy(() -> readAll(text)).isInstanceOf(TrajectoryFormatException.class)
                .hasMessage(text + ": starts with 'h': expected '[' (a list of records) or '{' (a record, or JSON Lines)");
        assertThatThrownBy(() -> readAll(empty)).isInstanceOf(TrajectoryFormatException.class)
                .hasMessage(empty + ": has no JSON: expected a list, an object or JSON Lines");
    }

    @Test
    void shouldRefuseContentAfterTheList() {
        Path file = write(dir, "two.json", "[]\n[]");

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TrajectoryFormatException.class)
                .hasMessage(file + ": has more JSON after the list closes, at byte 3");
    }
}
