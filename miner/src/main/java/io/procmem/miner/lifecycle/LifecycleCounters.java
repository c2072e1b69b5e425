package io.procmem.miner.lifecycle;

import io.procmem.avro.ExecutionOutcome;

/**
 * What the executors reported about one procedure since its last status change. Part of the
 * {@code procedure-lifecycle} store value (JSON: components are the stored form). Immutable; bounded: the recent
 * runs are at most {@code miner.lifecycle.demote.window.runs} characters.
 *
 * @param sinceVersion        the version at which the current status began; reports about older versions are stale
 * @param served              SERVED reports
 * @param escalated           ESCALATED reports
 * @param shadowAgreed        SHADOW_AGREED reports
 * @param shadowDisagreed     SHADOW_DISAGREED reports
 * @param consecutiveFailures ESCALATED or SHADOW_DISAGREED reports since the last SERVED or SHADOW_AGREED
 * @param recentRuns          the latest runs, oldest first: {@code S} served, {@code E} escalated
 */
public record LifecycleCounters(int sinceVersion, long served, long escalated, long shadowAgreed, long shadowDisagreed,
                                int consecutiveFailures, String recentRuns) {
    public LifecycleCounters {
        recentRuns = recentRuns == null ? "" : recentRuns;
    }

    public static LifecycleCounters since(int version) {
        return new LifecycleCounters(version, 0, 0, 0, 0, 0, "");
    }

    /** These counters plus one report's outcome, keeping at most {@code window} recent runs. */
    public LifecycleCounters add(ExecutionOutcome outcome, int window) {
        return switch (outcome) {
            case SERVED -> new LifecycleCounters(sinceVersion, served + 1, escalated, shadowAgreed, shadowDisagreed, 0,
                    recent('S', window));
            case ESCALATED -> new LifecycleCounters(sinceVersion, served, escalated + 1, shadowAgreed, shadowDisagreed,
                    consecutiveFailures + 1, recent('E', window));
            case SHADOW_AGREED -> new LifecycleCounters(sinceVersion, served, escalated, shadowAgreed + 1,
                    shadowDisagreed, 0, recentRuns);
            case SHADOW_DISAGREED -> new LifecycleCounters(sinceVersion, served, escalated, shadowAgreed,
                    shadowDisagreed + 1, consecutiveFailures + 1, recentRuns);
            case NO_MATCH -> this;
        };
    }

    public long shadowPredictions() {
        return shadowAgreed + shadowDisagreed;
    }

    /** Share of shadow predictions that agreed; 0 before any. */
    public double agreement() {
        return shadowPredictions() == 0 ? 0.0 : (double) shadowAgreed / shadowPredictions();
    }

    /** Share of the recent runs that escalated; 0 before any. */
    public double recentEscalationRate() {
        return recentRuns.isEmpty() ? 0.0 : recentRuns.chars().filter(c -> c == 'E').count() / (double) recentRuns.length();
    }

    private String recent(char run, int window) {
        String more = recentRuns + run;
        return more.length() > window ? more.substring(more.length() - window) : more;
    }
}
