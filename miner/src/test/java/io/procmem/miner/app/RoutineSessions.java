package io.procmem.miner.app;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.ToolStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible input for the guarantee tests: many successful sessions of one read-only routine whose values flow
 * from result to argument (a user -> the user's reservation -> the status of its flight), mixed with noise sessions
 * of unrelated tools, and the sessions interleaved as concurrent agents would produce them. The same seed gives the
 * same events.
 *
 * <p>The routine is built to pass every review under the default thresholds, so the tests prove the guarantees
 * rather than a lowered bar: its tools are READ (a {@code cancel_} step would be excluded by the write policy),
 * every argument after the first comes from the previous result under one path (binding consistency and
 * validation replay exactly), the user id is the one FREE input, and every session succeeds, spread over 7 agents.
 *
 * <p>Noise sessions alternate read and write tools, so every noise window of two or more steps holds a write and is
 * rejected by the write policy. That rejection does not depend on the order sessions are counted in; a noise routine
 * that could pass would make the published set depend on how partitions interleave (determinism is read when a
 * candidate is counted), and no two runs could be compared figure for figure.
 */
final class RoutineSessions {
    static final List<String> ROUTINE_TOOLS = List.of("get_user_details", "get_reservation_details", "get_flight_status");
    private static final List<String> NOISE_READS = List.of("search_direct_flight", "calculate", "think", "list_all_airports");
    private static final List<String> NOISE_WRITES = List.of("send_email", "update_address");
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private RoutineSessions() {
    }

    /** {@code routine} routine sessions and {@code noise} noise sessions over 7 agents, interleaved. */
    static List<AgentEvent> interleaved(long seed, int routine, int noise) {
        Random random = new Random(seed);
        List<List<AgentEvent>> sessions = new ArrayList<>();
        for (int i = 0; i < routine + noise; i++) {
            String sessionId = "s-" + seed + "-" + i;
            String agent = "agent-" + random.nextInt(7);
            sessions.add(i < routine ? routineSession(sessionId, agent, random) : noiseSession(sessionId, agent, random));
        }
        List<AgentEvent> events = new ArrayList<>();
        List<List<AgentEvent>> open = new ArrayList<>();
        int next = 0;
        while (next < sessions.size() || !open.isEmpty()) {
            while (open.size() < 8 && next < sessions.size()) {
                open.add(new ArrayList<>(sessions.get(next++)));
            }
            List<AgentEvent> session = open.get(random.nextInt(open.size()));
            events.add(session.remove(0));
            if (session.isEmpty()) {
                open.remove(session);
            }
        }
        return events;
    }

    private static List<AgentEvent> routineSession(String id, String agent, Random random) {
        String user = "user_" + random.nextInt(100_000);
        String reservation = "R" + random.nextInt(1_000_000);
        String flight = "HAT" + (100 + random.nextInt(900));
        return session(id, agent,
                step(id, 0, "get_user_details", "{\"user_id\":\"" + user + "\"}",
                        "{\"user_id\":\"" + user + "\",\"reservations\":[\"" + reservation + "\"]}"),
                step(id, 1, "get_reservation_details", "{\"reservation_id\":\"" + reservation + "\"}",
                        "{\"reservation_id\":\"" + reservation + "\",\"user_id\":\"" + user
                                + "\",\"flight_number\":\"" + flight + "\"}"),
                step(id, 2, "get_flight_status", "{\"flight_number\":\"" + flight + "\"}",
                        "{\"flight_number\":\"" + flight + "\",\"status\":\"on time\"}"));
    }

    private static List<AgentEvent> noiseSession(String id, String agent, Random random) {
        int length = 1 + random.nextInt(4);
        AgentEvent[] steps = new AgentEvent[length];
        for (int i = 0; i < length; i++) {
            List<String> tools = i % 2 == 0 ? NOISE_READS : NOISE_WRITES;
            String tool = tools.get(random.nextInt(tools.size()));
            steps[i] = step(id, i, tool, "{\"q\":\"" + random.nextInt(1000) + "\"}", "{\"ok\":true}");
        }
        return session(id, agent, steps);
    }

    private static List<AgentEvent> session(String id, String agent, AgentEvent... steps) {
        List<AgentEvent> events = new ArrayList<>();
        events.add(event(id, "start", SessionStarted.newBuilder().setAgentId(agent).setFleet("acme").build()));
        events.addAll(List.of(steps));
        events.add(event(id, "end", SessionEnded.newBuilder().setOutcome(SessionOutcome.SUCCESS)
                .setStepCount(steps.length).build()));
        return events;
    }

    private static AgentEvent step(String id, int index, String tool, String arguments, String result) {
        return event(id, "step-" + index, ToolStep.newBuilder().setStepIndex(index).setTool(tool)
                .setArgumentsJson(arguments).setResultJson(result).build());
    }

    private static AgentEvent event(String sessionId, String position, Object payload) {
        return AgentEvent.newBuilder().setEventId(sessionId + "/" + position).setSessionId(sessionId)
                .setTimestamp(T0).setPayload(payload).build();
    }
}
