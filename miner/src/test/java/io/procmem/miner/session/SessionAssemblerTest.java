package io.procmem.miner.session;

import static io.procmem.miner.Events.ended;
import static io.procmem.miner.Events.started;
import static io.procmem.miner.Events.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.miner.Events.Call;
import io.procmem.miner.session.SessionAssembler.Assembly;
import io.procmem.miner.session.SessionAssembler.Closed;
import io.procmem.miner.session.SessionAssembler.Duplicate;
import io.procmem.miner.session.SessionAssembler.Pending;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionAssemblerTest {
    private static final long TIMEOUT = 1_000;
    private final SessionAssembler assembler = new SessionAssembler(TIMEOUT);
    private final Call lookup = Call.ok("lookup", "{\"id\":1}");

    @Test
    void shouldCloseSessionWhenEndArrivesAndAllAnnouncedStepsArePresent() {
        Assembly last = applyAll(List.of(started("s1", "a1"), step("s1", 0, lookup), step("s1", 1, lookup),
                ended("s1", SessionOutcome.SUCCESS, 2)), 0);

        assertThat(last).isInstanceOf(Closed.class);
        FinishedSession session = ((Closed) last).session();
        assertThat(session.outcome()).isEqualTo(SessionOutcome.SUCCESS);
        assertThat(session.complete()).isTrue();
        assertThat(session.agentId()).isEqualTo("a1");
        assertThat(session.fleet()).isEqualTo("acme");
        assertThat(session.steps()).extracting(BufferedStep::index).containsExactly(0, 1);
    }

    @Test
    void shouldWaitForMissingStepsAndCloseWhenTheyArriveOutOfOrder() {
        Assembly afterEnd = applyAll(List.of(step("s1", 2, lookup), ended("s1", SessionOutcome.SUCCESS, 3),
                step("s1", 0, lookup)), 0);
        assertThat(afterEnd).isInstanceOf(Pending.class);

        Assembly last = assembler.apply(((Pending) afterEnd).buffer(), step("s1", 1, lookup), 10);

        assertThat(last).isInstanceOf(Closed.class);
        assertThat(((Closed) last).session().steps()).extracting(BufferedStep::index).containsExactly(0, 1, 2);
        assertThat(((Closed) last).session().agentId()).as("start never arrived").isNull();
    }

    @Test
    void shouldCarryTheRequestAndTheResultsIntoTheFinishedSession() {
        AgentEvent start = started("s1", "a1");
        SessionStarted payload = (SessionStarted) start.getPayload();
        payload.setRequestText("my id is u1");
        payload.setRequestParamsJson("{\"user\":\"u1\"}");

        Assembly last = applyAll(List.of(start, step("s1", 0, Call.ok("lookup", "{\"id\":\"u1\"}", "{\"name\":\"Mia\"}")),
                ended("s1", SessionOutcome.SUCCESS, 1)), 0);

        FinishedSession session = ((Closed) last).session();
        assertThat(session.requestText()).isEqualTo("my id is u1");
        assertThat(session.requestParamsJson()).isEqualTo("{\"user\":\"u1\"}");
        assertThat(session.steps()).extracting(BufferedStep::resultJson).containsExactly("{\"name\":\"Mia\"}");
    }

    @Test
    void shouldIgnoreARepeatedStepStartOrEnd() {
        SessionBuffer buffer = ((Pending) applyAll(List.of(started("s1", "a1"), step("s1", 0, lookup),
                ended("s1", SessionOutcome.SUCCESS, 2)), 0)).buffer();

        assertThat(assembler.apply(buffer, step("s1", 0, Call.ok("other", "{}")), 5)).isInstanceOf(Duplicate.class);
        assertThat(assembler.apply(buffer, started("s1", "a2"), 5)).isInstanceOf(Duplicate.class);
        assertThat(assembler.apply(buffer, ended("s1", SessionOutcome.FAILURE, 2), 5)).isInstanceOf(Duplicate.class);
        assertThat(buffer.steps().get(0).tool()).isEqualTo("lookup");
    }

    @Test
    void shouldCloseIdleSessionWithoutEndAsUnknownOnlyAfterTheTimeout() {
        SessionBuffer buffer = ((Pending) applyAll(List.of(started("s1", "a1"), step("s1", 0, lookup)), 100)).buffer();

        assertThat(assembler.expire(buffer, 100 + TIMEOUT - 1)).isEmpty();
        FinishedSession session = assembler.expire(buffer, 100 + TIMEOUT).orElseThrow();

        assertThat(session.outcome()).isEqualTo(SessionOutcome.UNKNOWN);
        assertThat(session.complete()).isFalse();
        assertThat(session.steps()).hasSize(1);
    }

    @Test
    void shouldCloseEndedSessionWithMissingStepsAsIncompleteWithItsOutcomeAfterTheTimeout() {
        SessionBuffer buffer = ((Pending) applyAll(List.of(step("s1", 0, lookup), step("s1", 2, lookup),
                ended("s1", SessionOutcome.SUCCESS, 3)), 0)).buffer();
        assertThat(buffer.missingSteps()).isEqualTo(1);

        FinishedSession session = assembler.expire(buffer, TIMEOUT).orElseThrow();

        assertThat(session.outcome()).isEqualTo(SessionOutcome.SUCCESS);
        assertThat(session.complete()).isFalse();
    }

    private Assembly applyAll(List<AgentEvent> events, long now) {
        SessionBuffer buffer = null;
        Assembly last = null;
        for (AgentEvent event : events) {
            last = assembler.apply(buffer, event, now);
            if (last instanceof Pending pending) {
                buffer = pending.buffer();
            }
        }
        return last;
    }
}
