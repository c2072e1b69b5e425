package io.procmem.miner.binding;

import io.procmem.schemas.binding.ValuePath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes and reads the source texts of the binding contract: {@code $.steps[i].result<path>},
 * {@code $.request.params.<name>} and {@code $.item<path>}.
 */
public final class BindingSources {
    private static final Pattern STEP_RESULT = Pattern.compile("\\$\\.steps\\[(\\d+)]\\.result(.*)");
    private static final String PARAMS = "$.request.params.";
    private static final String ITEM = "$.item";

    /** A parsed {@code $.steps[i].result<path>}. */
    public record StepResult(int step, ValuePath path) {
    }

    private BindingSources() {
    }

    public static String stepResult(int step, String path) {
        return "$.steps[" + step + "].result" + path;
    }

    public static String param(String name) {
        return PARAMS + name;
    }

    public static String item(String path) {
        return ITEM + path;
    }

    public static StepResult parseStepResult(String source) {
        Matcher matcher = STEP_RESULT.matcher(source);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a $.steps[i].result path: " + source);
        }
        return new StepResult(Integer.parseInt(matcher.group(1)), ValuePath.parse(matcher.group(2)));
    }

    public static String parseParam(String source) {
        if (!source.startsWith(PARAMS)) {
            throw new IllegalArgumentException("not a $.request.params.<name> path: " + source);
        }
        return source.substring(PARAMS.length());
    }

    public static ValuePath parseItem(String source) {
        if (!source.startsWith(ITEM)) {
            throw new IllegalArgumentException("not a $.item path: " + source);
        }
        return ValuePath.parse(source.substring(ITEM.length()));
    }
}
