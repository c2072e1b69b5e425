package io.procmem.executor.matching;

import java.util.List;

/**
 * What a caller asks: which procedures continue these steps.
 *
 * @param steps the steps so far, oldest first
 * @param fleet only procedures of this fleet, or null for every fleet
 * @param limit the most continuations to return (at least 1)
 */
public record ContinuationQuery(List<ObservedStep> steps, String fleet, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;

    public ContinuationQuery {
        steps = List.copyOf(steps);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    public static ContinuationQuery of(List<ObservedStep> steps) {
        return new ContinuationQuery(steps, null, DEFAULT_LIMIT);
    }
}
