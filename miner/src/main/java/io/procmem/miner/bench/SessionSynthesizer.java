package io.procmem.miner.bench;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.StepStatus;
import io.procmem.avro.ToolStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a recorded episode into the events of one new session: started, one tool step per call with fresh entity
 * values (see {@link EntityRewriter}), ended with outcome SUCCESS and the step count, so the miner sees the session
 * whole and learns from it. Event ids are derived from the session id and position, as a re-import would produce.
 */
final class SessionSynthesizer {
    private final String fleet;
    private final Random random;

    SessionSynthesizer(String fleet, Random random) {
        this.fleet = fleet;
        this.random = random;
    }

    List<AgentEvent> session(Episode episode, String sessionId, String agentId, Instant start) {
        EntityRewriter values = new EntityRewriter(random);
        List<AgentEvent> events = new ArrayList<>(episode.calls().size() + 2);
        events.add(event(sessionId, "start", start, SessionStarted.newBuilder().setAgentId(agentId).setFleet(fleet)
                .setModel("gpt-4o").setRequestText(values.rewrite(episode.requestText()))
                .setAttributes(Map.of("source", episode.source())).build()));
        for (int i = 0; i < episode.calls().size(); i++) {
            Episode.Call call = episode.calls().get(i);
            events.add(event(sessionId, "step-" + i, start.plusMillis(100L * (i + 1)), ToolStep.newBuilder()
                    .setStepIndex(i).setTool(call.tool()).setArgumentsJson(values.rewrite(call.argumentsJson()))
                    .setResultJson(values.rewrite(call.resultJson()))
                    .setStatus(call.failed() ? StepStatus.ERROR : StepStatus.OK)
                    .setLatencyMs(20L + random.nextInt(200)).setToolCallId(sessionId + "-call-" + i).build()));
        }
        events.add(event(sessionId, "end", start.plusMillis(100L * (episode.calls().size() + 1)), SessionEnded.newBuilder()
                .setOutcome(SessionOutcome.SUCCESS).setReward(1.0).setStepCount(episode.calls().size()).build()));
        return events;
    }

    private static AgentEvent event(String sessionId, String position, Instant at, Object payload) {
        return AgentEvent.newBuilder().setEventId(sessionId + "/" + position).setSessionId(sessionId).setTimestamp(at)
                .setPayload(payload).build();
    }
}
