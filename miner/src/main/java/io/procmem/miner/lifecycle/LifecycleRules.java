package io.procmem.miner.lifecycle;

import io.procmem.miner.config.MinerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * The thresholds of the lifecycle, from the {@code miner.lifecycle.*} keys (their docs give the reasoning behind each
 * default).
 *
 * @param shadowMinPredictions       shadow predictions needed before a SHADOW procedure is judged
 * @param promoteMinAgreement        agreement at or above which SHADOW becomes AUTONOMOUS
 * @param retireBelowAgreement       agreement below which SHADOW becomes RETIRED
 * @param demoteWindowRuns           runs over which an AUTONOMOUS procedure's escalation rate is measured
 * @param demoteMaxEscalationRate    escalation rate above which AUTONOMOUS goes back to SHADOW
 * @param retireConsecutiveFailures  failures in a row that retire a CANDIDATE or AUTONOMOUS procedure
 */
public record LifecycleRules(int shadowMinPredictions, double promoteMinAgreement, double retireBelowAgreement,
                             int demoteWindowRuns, double demoteMaxEscalationRate, int retireConsecutiveFailures) {
    public LifecycleRules {
        if (shadowMinPredictions < 1 || demoteWindowRuns < 1 || retireConsecutiveFailures < 1) {
            throw new IllegalArgumentException("lifecycle counts must be at least 1");
        }
        if (retireBelowAgreement > promoteMinAgreement) {
            throw new ConfigException(MinerConfig.LIFECYCLE_RETIRE_BELOW_AGREEMENT, retireBelowAgreement,
                    "must not exceed " + MinerConfig.LIFECYCLE_PROMOTE_MIN_AGREEMENT + " (" + promoteMinAgreement + ")");
        }
    }

    public static LifecycleRules from(MinerConfig config) {
        return new LifecycleRules(config.getInt(MinerConfig.LIFECYCLE_SHADOW_MIN_PREDICTIONS),
                config.getDouble(MinerConfig.LIFECYCLE_PROMOTE_MIN_AGREEMENT),
                config.getDouble(MinerConfig.LIFECYCLE_RETIRE_BELOW_AGREEMENT),
                config.getInt(MinerConfig.LIFECYCLE_DEMOTE_WINDOW_RUNS),
                config.getDouble(MinerConfig.LIFECYCLE_DEMOTE_MAX_ESCALATION_RATE),
                config.getInt(MinerConfig.LIFECYCLE_RETIRE_CONSECUTIVE_FAILURES));
    }
}
