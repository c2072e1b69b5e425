package io.procmem.miner.trends;

/**
 * The {@code pattern-trends} window store value: one pattern's counts in one window (JSON: components are the stored
 * form). Immutable.
 *
 * @param name               tool names joined by {@code " > "}, loops written {@code foreach tool}
 * @param signature          the pattern's signature, from which its id derives
 * @param fleet              fleet of the first session counted in the window, or null when unknown
 * @param occurrences        occurrences in the window
 * @param sessions           sessions it occurred in
 * @param successfulSessions of those, the ones that ended with SUCCESS
 */
public record TrendCount(String name, String signature, String fleet, long occurrences, long sessions,
                         long successfulSessions) {

    /** These counts ({@code counts} null for a window not counted yet) plus one session with {@code occurrences} occurrences. */
    static TrendCount add(TrendCount counts, String name, String signature, String fleet, int occurrences,
                          boolean successful) {
        TrendCount base = counts == null ? new TrendCount(name, signature, fleet, 0, 0, 0) : counts;
        return new TrendCount(base.name, base.signature, base.fleet == null ? fleet : base.fleet,
                base.occurrences + occurrences, base.sessions + 1, base.successfulSessions + (successful ? 1 : 0));
    }
}
