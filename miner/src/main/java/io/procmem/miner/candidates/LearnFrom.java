package io.procmem.miner.candidates;

import io.procmem.avro.SessionOutcome;
import java.util.Arrays;
import java.util.Locale;

/** Which finished sessions the miner learns from ({@code miner.learn.from}). */
public enum LearnFrom {
    /** Only sessions that ended with outcome SUCCESS: a routine that failed is not worth replaying. */
    SUCCESSFUL,
    /** Every session, whatever its outcome, so the success-rate review can compare; the default. */
    ALL;

    public boolean accepts(SessionOutcome outcome) {
        return this == ALL || outcome == SessionOutcome.SUCCESS;
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String[] configValues() {
        return Arrays.stream(values()).map(LearnFrom::configValue).toArray(String[]::new);
    }

    public static LearnFrom fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
