package io.procmem.miner.trends;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One pattern's counts summed over the windows of a time range: a row of {@code GET /v1/patterns/top} (whose JSON
 * uses these component names in snake_case, so a client can read a row back with Jackson) and of {@link TrendsTable}.
 *
 * @param windows how many windows of the range the pattern occurred in
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PatternTotal(String patternId, String name, String signature, long occurrences, long sessions,
                           long successfulSessions, int windows) {

    PatternTotal plus(TrendCount window) {
        return new PatternTotal(patternId, name, signature, occurrences + window.occurrences(),
                sessions + window.sessions(), successfulSessions + window.successfulSessions(), windows + 1);
    }

    static PatternTotal first(String patternId, TrendCount window) {
        return new PatternTotal(patternId, window.name(), window.signature(), window.occurrences(), window.sessions(),
                window.successfulSessions(), 1);
    }
}
