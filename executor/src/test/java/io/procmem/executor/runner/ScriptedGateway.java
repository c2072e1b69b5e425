package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.executor.gateway.ToolCallException;
import io.procmem.executor.gateway.ToolGateway;
import io.procmem.executor.gateway.ToolInvocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway whose tools answer from test code, recording every invocation it receives. */
public final class ScriptedGateway implements ToolGateway {

    /** What a scripted tool does with its arguments. */
    @FunctionalInterface
    public interface Answer {
        JsonNode answer(ObjectNode arguments) throws ToolCallException;
    }

    private final Map<String, Answer> tools = new ConcurrentHashMap<>();
    private final List<ToolInvocation> invocations = new CopyOnWriteArrayList<>();

    public ScriptedGateway on(String tool, Answer answer) {
        tools.put(tool, answer);
        return this;
    }

    @Override
    public boolean handles(String tool) {
        return tools.containsKey(tool);
    }

    @Override
    public JsonNode call(ToolInvocation invocation) throws ToolCallException {
        invocations.add(invocation);
        return tools.get(invocation.tool()).answer(invocation.arguments());
    }

    public List<ToolInvocation> invocations() {
        return List.copyOf(invocations);
    }

    public List<String> toolsCalled() {
        return invocations.stream().map(ToolInvocation::tool).toList();
    }
}
