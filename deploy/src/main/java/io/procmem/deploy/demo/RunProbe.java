package io.procmem.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.executor.sample.SampleToolServer;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's proof that the executor runs routines for real: with the sample airline tool server up, an "agent" makes
 * its first call itself (get_user_details), then asks the executor to run the rest. Once the routine is served end to
 * end; then a reservation the user still lists is made to vanish, and the executor must stop at that call and say
 * where the agent should resume.
 */
public final class RunProbe {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USER = "mia_li_3668";
    /** Dropped when the served run read no reservation (it then cannot be broken this way; the demo says so). */
    static final String FALLBACK_RESERVATION = "AIXC49";

    private final SampleToolServer tools;
    private final ExecutorClient executor;
    private final String token;

    public RunProbe(SampleToolServer tools, ExecutorClient executor, String token) {
        this.tools = tools;
        this.executor = executor;
        this.token = token;
    }

    /** Runs the served case, then the escalation; returns the two answers. */
    public JsonNode[] run() throws IOException, InterruptedException {
        JsonNode served = continueAfterUserLookup("s-demo-served");
        LOG.info("the agent called get_user_details({}) itself; the executor ran the rest:\n{}", USER, summary(served));
        String vanishing = firstReservationRead(served);
        tools.data().dropReservation(vanishing);
        JsonNode escalated = continueAfterUserLookup("s-demo-escalated");
        LOG.info("after reservation {} vanished from the tool's store, the executor answered:\n{}",
                vanishing, summary(escalated));
        return new JsonNode[] {served, escalated};
    }

    static String firstReservationRead(JsonNode served) {
        for (JsonNode call : served.path("calls")) {
            if (call.path("tool").asText().equals("get_reservation_details")
                    && call.path("arguments").path("reservation_id").isTextual()) {
                return call.path("arguments").path("reservation_id").asText();
            }
        }
        return FALLBACK_RESERVATION;
    }

    private JsonNode continueAfterUserLookup(String sessionId) throws IOException, InterruptedException {
        ObjectNode arguments = JSON.createObjectNode().put("user_id", USER);
        JsonNode user = executor.post(tools.httpUrlTemplate().replace("{tool}", "get_user_details"), arguments, null);
        ObjectNode request = JSON.createObjectNode().put("sessionId", sessionId);
        ObjectNode step = request.putArray("steps").addObject().put("tool", "get_user_details");
        step.set("arguments", arguments);
        step.set("result", user);
        return executor.runContinuation(request, token);
    }

    /** The outcome, the calls made and, for an escalation, the failed check and the resume point. */
    static String summary(JsonNode answer) {
        StringBuilder out = new StringBuilder("  outcome: ").append(answer.path("outcome").asText())
                .append(" (procedure ").append(answer.path("procedureId").asText()).append(")\n");
        answer.path("calls").forEach(call -> out.append("  called ").append(call.path("tool").asText())
                .append(call.path("arguments")).append('\n'));
        if (answer.has("check")) {
            out.append("  stopped: ").append(answer.path("check").path("message").asText(answer.path("check").toString()))
                    .append("\n  resume the agent at step ").append(answer.path("resumeIndex").asInt()).append('\n');
        }
        if (answer.has("reason")) {
            out.append("  reason: ").append(answer.path("reason").asText()).append('\n');
        }
        return out.toString();
    }
}
