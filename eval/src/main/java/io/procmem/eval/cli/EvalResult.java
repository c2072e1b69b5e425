package io.procmem.eval.cli;

import io.procmem.eval.metrics.Figures;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one {@code procmem eval}: how it was run, what the miner made of the training episodes, and the
 * figures measured on the test episodes. Serialized as is into the JSON report.
 *
 * @param train      the training source ("prequential" in that mode: the test episodes themselves, one by one)
 * @param properties the overrides given (miner and eval keys)
 * @param serving    the eval's serving policy, in words
 */
public record EvalResult(EvalOptions.Mode mode, String train, String test, int episodesTrained, int episodesTested,
                         Map<String, String> properties, String serving, MinerSummary miner, Figures figures) {
    public EvalResult {
        properties = new TreeMap<>(properties);
    }

    public double precision() {
        return figures.precision();
    }

    public double coverage() {
        return figures.coverage();
    }
}
