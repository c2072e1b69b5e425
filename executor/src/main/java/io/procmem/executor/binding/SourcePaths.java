package io.procmem.executor.binding;

import io.procmem.schemas.binding.ValuePath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the source texts of the binding contract (docs/architecture.md, "Binding paths"):
 * {@code $.steps[i].result<path>}, {@code $.request.params.<name>} and {@code $.item<path>}. Every refusal says
 * which form was expected, so an escalation names the malformed source.
 */
public final class SourcePaths {
    private static final Pattern STEP_RESULT = Pattern.compile("\\$\\.steps\\[(\\d+)]\\.result(.*)");
    private static final String PARAMS = "$.request.params.";
    private static final String ITEM = "$.item";

    /** A parsed {@code $.steps[i].result<path>}: step {@code step} of the procedure, {@code path} inside its result. */
    public record StepResult(int step, ValuePath path) {
    }

    private SourcePaths() {
    }

    public static StepResult stepResult(String source) {
        Matcher matcher = source == null ? null : STEP_RESULT.matcher(source);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("source '" + source + "' is not of the form $.steps[i].result<path>");
        }
        return new StepResult(Integer.parseInt(matcher.group(1)), ValuePath.parse(matcher.group(2)));
    }

    public static String param(String source) {
        if (source == null || !source.startsWith(PARAMS) || source.length() == PARAMS.length()) {
            throw new IllegalArgumentException("source '" + source + "' is not of the form $.request.params.<name>");
        }
        return source.substring(PARAMS.length());
    }

    public static ValuePath item(String source) {
        if (source == null || !source.startsWith(ITEM)) {
            throw new IllegalArgumentException("source '" + source + "' is not of the form $.item<path>");
        }
        return ValuePath.parse(source.substring(ITEM.length()));
    }
}
