package io.procmem.ingest.trajectory;

import static io.procmem.ingest.trajectory.TrajectoryFiles.json;
import static io.procmem.ingest.trajectory.TrajectoryFiles.readAll;
import static io.procmem.ingest.trajectory.TrajectoryFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.ingest.trajectory.RecordedStep.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryStepsTest {
    @TempDir
    Path dir;

    private List<RecordedStep> steps(String... messages) throws Exception {
        Path file = write(dir, "s.json", json("{'messages':[" + String.join(",", messages) + "]}"));
        return ((RecordedSession) readAll(file).get(0)).steps();
    }

    private static String call(String id, String name, String arguments) {
        return "{'role':'assistant','tool_calls':[{'id':'" + id + "','function':{'name':'" + name + "','arguments':" + arguments + "}}]}";
    }

    private static String answer(String id, String content) {
        return "{'role':'tool','tool_call_id':'" + id + "','content':" + content + "}";
    }

    @Test
    void shouldMarkToolErrorsAndKeepPlainTextResultsAsJsonStrings() throws Exception {
        List<RecordedStep> steps = steps("{'role':'user','content':'book it'}",
                call("c1", "book_reservation", "'{}'"), answer("c1", "'Error: not enough seats'"),
                call("c2", "transfer_to_human_agents", "'{}'"), answer("c2", "'Transfer successful'"),
                call("c3", "calculate", "'{}'"), answer("c3", "'255.0'"),
                call("c4", "think", "'{}'"), answer("c4", "''"));

        assertThat(steps).extracting(RecordedStep::resultJson)
                .containsExactly("\"Error: not enough seats\"", "\"Transfer successful\"", "255.0", "\"\"");
        assertThat(steps).extracting(RecordedStep::status).containsExactly(Status.ERROR, Status.OK, Status.OK, Status.OK);
        assertThat(steps.get(0).errorMessage()).isEqualTo("Error: not enough seats");
        assertThat(steps.get(1).errorMessage()).isNull();
    }

    @Test
    void shouldPairACallIdReusedAfterItsFirstCallWasAnswered() throws Exception {
        List<RecordedStep> steps = steps("{'role':'user','content':'first'}",
                call("c1", "get_user_details", "'{}'"), answer("c1", "'{}'"),
                "{'role':'user','content':'second'}",
                call("c1", "calculate", "'{}'"), answer("c1", "'5.0'"));

        assertThat(steps).extracting(RecordedStep::tool).containsExactly("get_user_details", "calculate");
        assertThat(steps).extracting(RecordedStep::resultJson).containsExactly("{}", "5.0");
        assertThat(steps).extracting(RecordedStep::userMessageBefore).containsExactly("first", "second");
    }

    @Test
    void shouldKeepAnUnansweredCallWithANullResult() throws Exception {
        List<RecordedStep> steps = steps("{'role':'user','content':'go'}", call("c1", "search_direct_flight", "'{}'"));

        assertThat(steps).containsExactly(new RecordedStep(0, "search_direct_flight", "{}", null, Status.OK, null, "c1", "go"));
    }

    @Test
    void shouldReadArgumentsGivenAsObjectsOrLeftBlankAndContentGivenAsParts() throws Exception {
        List<RecordedStep> steps = steps("{'role':'user','content':[{'type':'text','text':'a'},{'type':'text','text':'b'}]}",
                call("c1", "get_user_details", "{'user_id':'mia'}"), answer("c1", "{'name':'Mia'}"),
                call("c2", "list_all_airports", "''"), answer("c2", "[{'type':'text','text':'JFK, SEA'}]"));

        assertThat(steps).extracting(RecordedStep::argumentsJson).containsExactly("{\"user_id\":\"mia\"}", "{}");
        assertThat(steps).extracting(RecordedStep::resultJson).containsExactly("{\"name\":\"Mia\"}", "\"JFK, SEA\"");
        assertThat(steps.get(0).userMessageBefore()).isEqualTo("a\nb");
    }
}
