package io.procmem.miner.review;

import java.util.Arrays;
import java.util.Locale;

/** What the side-effects review does with a candidate containing a WRITE step ({@code miner.write.policy}). */
public enum WritePolicy {
    /** Reject it: a replayed write is not undone by escalating. The default. */
    EXCLUDE,
    /** Accept it only under the stricter {@code miner.write.*} thresholds. */
    STRICT,
    /** Treat it like a read-only candidate. */
    ALLOW;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String[] configValues() {
        return Arrays.stream(values()).map(WritePolicy::configValue).toArray(String[]::new);
    }

    public static WritePolicy fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
