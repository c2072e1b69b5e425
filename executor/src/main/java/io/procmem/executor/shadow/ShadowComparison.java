package io.procmem.executor.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.executor.matching.ObservedStep;
import io.procmem.executor.runner.Redactor;
import java.util.Map;
import java.util.TreeSet;

/**
 * Judges a {@link Prediction} against the call the agent actually made: they agree when the tool is the same and
 * every argument has the same value, compared normalized as the miner infers bindings (strings trimmed, numbers by
 * value, objects and lists member by member). The reason of a disagreement names what differed; values of arguments
 * the {@link Redactor} deems sensitive are masked, and long values are cut.
 */
public final class ShadowComparison {
    private static final int SHOWN = 60;

    /** @param reason null when they agree */
    public record Verdict(boolean agreed, String reason) {
    }

    private final Redactor redactor;

    public ShadowComparison(Redactor redactor) {
        this.redactor = redactor;
    }

    public Verdict judge(Prediction predicted, ObservedStep actual) {
        if (predicted.unresolved() != null) {
            return new Verdict(false, "the procedure would have escalated before " + predicted.tool() + ": "
                    + predicted.unresolved() + "; the agent called " + actual.tool());
        }
        if (!predicted.tool().equals(actual.tool())) {
            return new Verdict(false, "predicted tool " + predicted.tool() + ", the agent called " + actual.tool());
        }
        TreeSet<String> names = new TreeSet<>();
        predicted.arguments().fieldNames().forEachRemaining(names::add);
        if (actual.arguments() != null) {
            actual.arguments().fieldNames().forEachRemaining(names::add);
        }
        for (String name : names) {
            JsonNode mine = predicted.arguments().get(name);
            JsonNode theirs = actual.arguments() == null ? null : actual.arguments().get(name);
            if (!same(mine, theirs)) {
                return new Verdict(false, predicted.tool() + " argument " + name + ": predicted " + shown(name, mine)
                        + ", the agent passed " + shown(name, theirs));
            }
        }
        return new Verdict(true, null);
    }

    /** Equal after normalizing: strings trimmed, numbers by value, containers member by member. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.asText().trim().equals(b.asText().trim());
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                if (!same(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private String shown(String name, JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        if (redactor.sensitive(name)) {
            return Redactor.MASK;
        }
        String text = redactor.redact(value).toString();
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
    }
}
