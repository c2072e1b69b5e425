package io.procmem.eval.cli;

import io.procmem.avro.ProcedureStatus;
import io.procmem.eval.metrics.TokenEstimator;
import io.procmem.eval.replay.ServingPolicy;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The eval's own settings: which compiled procedures it serves, how it estimates tokens and which fleet the read
 * sessions belong to. The same properties also reach the miner's {@code MinerConfig} (its {@code miner.*} keys set
 * the reviews the replayed miner applies); each class reads its own keys and ignores the others.
 */
public final class EvalConfig extends AbstractConfig {
    public static final String SERVE_STATUSES = "eval.serve.statuses";
    public static final String SERVE_MIN_SUPPORT = "eval.serve.min.support";
    public static final String SERVE_MIN_SHADOW_RUNS = "eval.serve.min.shadow.runs";
    public static final String SERVE_MIN_SHADOW_PRECISION = "eval.serve.min.shadow.precision";
    public static final String CHARS_PER_TOKEN = "eval.chars.per.token";
    public static final String FLEET = "eval.fleet";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(SERVE_STATUSES, Type.LIST, "CANDIDATE,SHADOW,AUTONOMOUS", EvalConfig::validateStatuses,
                    Importance.HIGH, "Statuses of compiled procedures the eval serves (any of CANDIDATE, SHADOW,"
                            + " AUTONOMOUS). The default serves everything the miner compiles, which measures the"
                            + " procedures as if promoted; the executor itself never serves SHADOW.")
            .define(SERVE_MIN_SUPPORT, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM,
                    "Occurrences a compiled procedure needs before the eval serves it, on top of the miner's"
                            + " miner.min.support for compiling it.")
            .define(SERVE_MIN_SHADOW_RUNS, Type.INT, 5, Range.atLeast(0), Importance.HIGH,
                    "Runs alongside the agent (shadow: compared, not served) an admitted procedure must make before it"
                            + " is served; 0 serves every admitted procedure at once. Stands in for a SHADOW to"
                            + " AUTONOMOUS promotion, which no module automates yet.")
            .define(SERVE_MIN_SHADOW_PRECISION, Type.DOUBLE, 0.99, Range.between(0.0, 1.0), Importance.HIGH,
                    "Share of a procedure's shadow and served calls that must have matched the agent's for it to be"
                            + " served (checked after every run, so a served procedure that slips is demoted).")
            .define(CHARS_PER_TOKEN, Type.INT, 4, Range.atLeast(1), Importance.LOW,
                    "Characters per token when estimating the prompt tokens of an avoided decision from message"
                            + " lengths (steps without recorded decision_tokens).")
            .define(FLEET, Type.STRING, "default", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Fleet of the sessions read, as ingest.fleet gives imported sessions.");

    public EvalConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
    }

    public ServingPolicy servingPolicy() {
        EnumSet<ProcedureStatus> statuses = EnumSet.noneOf(ProcedureStatus.class);
        getList(SERVE_STATUSES).forEach(status -> statuses.add(status(status)));
        return new ServingPolicy(statuses, getLong(SERVE_MIN_SUPPORT), getInt(SERVE_MIN_SHADOW_RUNS),
                getDouble(SERVE_MIN_SHADOW_PRECISION));
    }

    public TokenEstimator tokenEstimator() {
        return new TokenEstimator(getInt(CHARS_PER_TOKEN));
    }

    public String fleet() {
        return getString(FLEET);
    }

    private static void validateStatuses(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> statuses = (List<String>) value;
        if (statuses.isEmpty()) {
            throw new ConfigException(name, value, "name at least one status to serve");
        }
        for (String status : statuses) {
            try {
                if (status(status) == ProcedureStatus.RETIRED) {
                    throw new ConfigException(name, value, "RETIRED procedures are never served");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "'" + status + "' is not one of CANDIDATE, SHADOW, AUTONOMOUS");
            }
        }
    }

    private static ProcedureStatus status(String status) {
        return ProcedureStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    }
}
