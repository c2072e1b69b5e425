package io.procmem.miner.trends;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One window of a pattern's history ({@code GET /v1/patterns/{id}/history}); times are ISO-8601 instants.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PatternWindow(String windowStart, String windowEnd, long occurrences, long sessions,
                            long successfulSessions) {
}
