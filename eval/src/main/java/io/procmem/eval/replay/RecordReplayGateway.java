package io.procmem.eval.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.procmem.eval.replay.ReplayedCall.Kind;
import io.procmem.executor.gateway.ToolCallException;
import io.procmem.executor.gateway.ToolGateway;
import io.procmem.executor.gateway.ToolInvocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ToolGateway} that answers from a recording instead of calling tools. The executor takes over a session
 * after step {@code from - 1}; its n-th call (0-based) is compared with the agent's step {@code from + n}:
 * <ul>
 *   <li>same tool and the same arguments as canonical JSON ({@link CanonicalJson}): a match, answered with the
 *       recorded result (or, when the agent's call failed, with the recorded error, which the runner escalates on);</li>
 *   <li>there is no such step (the session ended), or a user message came before it (the agent replied to the user
 *       instead of calling a tool): the agent stopped here;</li>
 *   <li>otherwise: the call differs from the agent's.</li>
 * </ul>
 * Every call but a match fails with a tool error, so the runner stops at the first wrong call, and a served routine
 * only ever runs on the results the real tools gave. {@link #calls()} says how each call compared.
 *
 * <p>One gateway per takeover; not thread-safe (the replay is single-threaded).
 */
final class RecordReplayGateway implements ToolGateway {
    private final Episode episode;
    private final int from;
    private final int turn;
    private final List<ReplayedCall> calls = new ArrayList<>();

    /** @param from the first step the executor would decide; at least 1 (a continuation needs a step to follow) */
    RecordReplayGateway(Episode episode, int from) {
        this.episode = episode;
        this.from = from;
        this.turn = episode.steps().get(from - 1).userTurn();
    }

    @Override
    public boolean handles(String tool) {
        return true;
    }

    @Override
    public JsonNode call(ToolInvocation invocation) throws ToolCallException {
        int at = from + calls.size();
        ReplayedCall compared = compare(invocation, at);
        calls.add(compared);
        if (!compared.matched()) {
            throw ToolCallException.toolError(compared.kind().reason() + ": " + compared.detail());
        }
        EpisodeStep actual = episode.steps().get(at);
        if (!actual.ok()) {
            throw ToolCallException.toolError(actual.errorMessage());
        }
        return actual.result() == null ? NullNode.instance : actual.result();
    }

    /** How each call compared, in call order; a non-match can only be last. */
    List<ReplayedCall> calls() {
        return List.copyOf(calls);
    }

    private ReplayedCall compare(ToolInvocation invocation, int at) {
        String tool = invocation.tool();
        if (at >= episode.steps().size()) {
            return new ReplayedCall(at, Kind.SESSION_ENDED, tool, "the executor would call " + tool + " after the agent's"
                    + " last call (step " + (at - 1) + ")");
        }
        EpisodeStep actual = episode.steps().get(at);
        if (actual.userTurn() != turn) {
            return new ReplayedCall(at, Kind.REPLIED_TO_USER, tool, "the executor would call " + tool + " where the agent"
                    + " replied to the user before its step " + at + " (" + actual.tool() + ")");
        }
        if (!actual.tool().equals(tool)) {
            return new ReplayedCall(at, Kind.OTHER_TOOL, tool, "the executor would call " + tool + " at step " + at
                    + ", the agent called " + actual.tool());
        }
        if (!CanonicalJson.of(actual.arguments()).equals(CanonicalJson.of(invocation.arguments()))) {
            return new ReplayedCall(at, Kind.OTHER_ARGUMENTS, tool, tool + " at step " + at + " with other "
                    + CanonicalJson.differingKeys(actual.arguments(), invocation.arguments()));
        }
        return new ReplayedCall(at, Kind.MATCH, tool, null);
    }
}
