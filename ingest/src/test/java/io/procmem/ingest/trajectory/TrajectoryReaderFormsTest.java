package io.procmem.ingest.trajectory;

import static io.procmem.ingest.trajectory.TrajectoryFiles.chat;
import static io.procmem.ingest.trajectory.TrajectoryFiles.json;
import static io.procmem.ingest.trajectory.TrajectoryFiles.readAll;
import static io.procmem.ingest.trajectory.TrajectoryFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.ingest.trajectory.RecordedSession.Outcome;
import io.procmem.ingest.trajectory.RecordedStep.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryReaderFormsTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadTauBenchRunnerOutputWithIdsFromTaskAndTrial() throws Exception {
        Path file = write(dir, "runs.json", "[" + json("{'task_id':12,'trial':3,'reward':1.0,'info':{},'traj':") + chat() + "}]");

        RecordedSession session = (RecordedSession) readAll(file).get(0);

        assertThat(session.sessionId()).isEqualTo("demo-t12-r3");
        assertThat(session.agentId()).isEqualTo("demo");
        assertThat(session.fleet()).isEqualTo("default");
        assertThat(session.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(session.reward()).isEqualTo(1.0);
        assertThat(session.requestText()).isEqualTo("I want to book");
        assertThat(session.attributes()).containsEntry("source_file", "runs.json").containsEntry("task_id", "12")
                .containsEntry("trial", "3").containsEntry("record_index", "0");
        assertThat(session.steps()).containsExactly(new RecordedStep(0, "get_user_details", "{\"user_id\":\"mia\"}",
                "{\"name\":\"Mia\"}", Status.OK, null, "c1", "I want to book"));
    }

    @Test
    void shouldReadAListOfSessionsWithTheirOwnIdsAgentsAndMetadata() throws Exception {
        String first = json("{'id':'s-1','agent_id':'booker','model':'gpt-x','outcome':'failure',"
                + "'request_params':{'user_id':'mia'},'metadata':{'channel':'web','turns':3},'messages':") + chat() + "}";
        String second = json("{'reward':0.5,'messages':") + chat() + "}";
        Path file = write(dir, "sessions.json", "[" + first + ",\n" + second + "]");

        List<TrajectoryRecord> records = readAll(file);

        RecordedSession one = (RecordedSession) records.get(0);
        assertThat(one.sessionId()).isEqualTo("s-1");
        assertThat(one.agentId()).isEqualTo("booker");
        assertThat(one.model()).isEqualTo("gpt-x");
        assertThat(one.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(one.reward()).isNull();
        assertThat(one.requestParamsJson()).isEqualTo("{\"user_id\":\"mia\"}");
        assertThat(one.attributes()).containsEntry("channel", "web").containsEntry("turns", "3");
        RecordedSession two = (RecordedSession) records.get(1);
        assertThat(two.sessionId()).isEqualTo("demo-1");
        assertThat(two.index()).isEqualTo(1);
        assertThat(two.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(two.reward()).isEqualTo(0.5);
    }

    @Test
    void shouldReadJsonLinesSkippingBlankLines() throws Exception {
        String line = json("{'messages':") + chat() + "}";
        Path file = write(dir, "sessions.jsonl", line + "\n\n" + json("{'task_id':4,'traj':") + chat() + "}\n");

        List<TrajectoryRecord> records = readAll(file);

        assertThat(records).extracting(r -> ((RecordedSession) r).sessionId()).containsExactly("demo-0", "demo-t4");
        assertThat(((RecordedSession) records.get(0)).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void shouldReadOnePrettyPrintedSessionObject() throws Exception {
        Path file = write(dir, "one.json", "\uFEFF\n  {\n  \"messages\": " + chat() + "\n}\n");

        List<TrajectoryRecord> records = readAll(file);

        assertThat(records).hasSize(1);
        assertThat(((RecordedSession) records.get(0)).steps()).extracting(RecordedStep::tool).containsExactly("get_user_details");
    }

    @Test
    void shouldGiveTheSameSessionIdsOnEveryRead() throws Exception {
        Path file = write(dir, "runs.json", "[" + json("{'messages':") + chat() + "}," + json("{'task_id':1,'traj':") + chat() + "}]");

        assertThat(readAll(file)).isEqualTo(readAll(file));
    }

    @Test
    void shouldDeriveTheSourceNameFromTheFileName() {
        SessionDefaults defaults = SessionDefaults.forFile(Path.of("runs", "GPT-4o Airline.json"), null, "f");

        assertThat(defaults.sourceName()).isEqualTo("gpt-4o-airline");
    }
}
