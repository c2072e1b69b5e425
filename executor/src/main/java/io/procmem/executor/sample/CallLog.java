package io.procmem.executor.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every call the sample tool server received, in arrival order, so tests can assert what was (not) called. */
public final class CallLog {

    /**
     * One received call.
     *
     * @param transport      {@code mcp} or {@code http}
     * @param idempotencyKey the key the caller sent, or null
     * @param error          the error answered, or null when the call succeeded
     */
    public record Call(String transport, String tool, JsonNode arguments, String idempotencyKey, String error) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    void add(Call call) {
        calls.add(call);
    }

    /** A snapshot of the calls so far. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void clear() {
        calls.clear();
    }
}
