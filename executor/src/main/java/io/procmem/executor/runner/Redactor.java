package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hides secrets before arguments leave the executor in escalation answers, reports and logs: the value of every
 * field whose name matches the pattern, at any depth, becomes {@value #MASK}. Free text (a tool's error message)
 * has those fields' values masked where they occur in it.
 *
 * <p>Known limit: it goes by argument names only; a secret under an innocent name passes, and so does a secret
 * shorter than {@value #MIN_MASKED_LENGTH} characters inside free text (masking it would mangle the message).
 */
public final class Redactor {
    public static final String DEFAULT_PATTERN = "(?i).*(password|secret|token|card|cvv|ssn|api[_-]?key).*";
    public static final String MASK = "***";
    private static final int MIN_MASKED_LENGTH = 3;

    private final Pattern names;

    public Redactor(Pattern names) {
        this.names = names;
    }

    public static Redactor defaults() {
        return new Redactor(Pattern.compile(DEFAULT_PATTERN));
    }

    public boolean sensitive(String name) {
        return names.matcher(name).matches();
    }

    /** A copy of {@code value} with sensitive fields masked; null stays null. */
    public JsonNode redact(JsonNode value) {
        if (value == null || !value.isContainerNode()) {
            return value;
        }
        JsonNode copy = value.deepCopy();
        mask(copy);
        return copy;
    }

    /** {@code text} with the values of the sensitive fields of {@code arguments} masked where they occur. */
    public String redactText(String text, JsonNode arguments) {
        if (text == null || arguments == null || !arguments.isObject()) {
            return text;
        }
        String redacted = text;
        for (Map.Entry<String, JsonNode> field : arguments.properties()) {
            String value = field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString();
            if (sensitive(field.getKey()) && value.length() >= MIN_MASKED_LENGTH) {
                redacted = redacted.replace(value, MASK);
            }
        }
        return redacted;
    }

    /** The call with its arguments and error text redacted. */
    public ToolCall redact(ToolCall call) {
        if (call == null) {
            return null;
        }
        return new ToolCall(call.stepIndex(), call.element(), call.tool(), redact(call.arguments()), call.result(),
                redactText(call.error(), call.arguments()), call.attempts());
    }

    /** The escalation's reason with the failed call's secrets masked: what logs and reports may hold. */
    public String reason(RunOutcome.Escalated escalated) {
        ToolCall failed = escalated.failedCall();
        return redactText(escalated.check().message(), failed == null ? null : failed.arguments());
    }

    private void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (sensitive(field.getKey())) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::mask);
        }
    }
}
