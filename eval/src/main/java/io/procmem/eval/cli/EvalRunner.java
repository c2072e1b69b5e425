package io.procmem.eval.cli;

import io.procmem.avro.CompiledProcedure;
import io.procmem.eval.metrics.EvalMetrics;
import io.procmem.eval.replay.Episode;
import io.procmem.eval.replay.EpisodeFiles;
import io.procmem.eval.replay.EvalInputException;
import io.procmem.eval.replay.Replay;
import io.procmem.eval.replay.ServingPolicy;
import io.procmem.eval.report.HtmlReport;
import io.procmem.eval.report.JsonReport;
import io.procmem.eval.report.TerminalReport;
import io.procmem.miner.config.MinerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code procmem eval}: reads the files, replays them ({@link Replay}) and returns the figures; writes the JSON and
 * HTML reports when an output directory is given. The terminal table comes from {@link #render}. What is measured,
 * and how, is defined in {@link Replay} and {@link io.procmem.eval.metrics.Figures}.
 */
public final class EvalRunner {
    public static final String JSON_FILE = "eval.json";
    public static final String HTML_FILE = "eval.html";
    private static final Logger LOG = LoggerFactory.getLogger(EvalRunner.class);

    private final Clock clock;

    public EvalRunner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws EvalInputException when a file cannot be read or holds records the reader reports as problems
     * @throws ConfigException    when a property has a bad value
     * @throws IOException        when the reports cannot be written
     */
    public EvalResult run(EvalOptions options) throws IOException {
        EvalConfig config = new EvalConfig(options.properties());
        MinerConfig miner = new MinerConfig(options.properties());
        List<Episode> test = EpisodeFiles.read(options.testFile(), config.fleet());
        List<Episode> train = List.of();
        if (options.trainFile() != null) {
            train = EpisodeFiles.read(options.trainFile(), config.fleet());
        } else if (options.trainFraction() != null) {
            int cut = (int) Math.floor(test.size() * options.trainFraction());
            train = test.subList(0, cut);
            test = test.subList(cut, test.size());
        }
        if (test.isEmpty()) {
            throw new EvalInputException(options.testFile() + ": no episodes left to test after the training fraction");
        }
        ServingPolicy serving = config.servingPolicy();
        Replay replay = new Replay(miner, serving, clock);
        EvalMetrics metrics = new EvalMetrics(config.tokenEstimator());
        if (options.mode() == EvalOptions.Mode.PREQUENTIAL) {
            replay.prequential(test, metrics);
        } else {
            replay.train(train);
            replay.test(test, metrics);
        }
        Map<String, CompiledProcedure> compiled = replay.learner().compiled();
        MinerSummary summary = new MinerSummary(replay.learner().candidates(), compiled.size(),
                (int) compiled.values().stream().filter(serving::admits).count(), replay.learner().rejectionsByReview());
        EvalResult result = new EvalResult(options.mode(), trainSource(options, train.size()),
                options.testFile().toString(), options.mode() == EvalOptions.Mode.PREQUENTIAL ? test.size() : train.size(),
                test.size(), options.properties(), describe(serving), summary, metrics.figures(compiled));
        if (options.outDir() != null) {
            writeReports(result, options.outDir());
        }
        return result;
    }

    /** The terminal table, ending with the lines {@code precision <x>} and {@code coverage <y>}. */
    public static String render(EvalResult result) {
        return TerminalReport.render(result);
    }

    /** Writes {@value #JSON_FILE} and {@value #HTML_FILE} into {@code dir} (created if needed); returns both paths. */
    public static List<Path> writeReports(EvalResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON_FILE);
        Path html = dir.resolve(HTML_FILE);
        JsonReport.write(result, json);
        Files.writeString(html, HtmlReport.render(result));
        LOG.info("eval reports written: {}, {}", json, html);
        return List.of(json, html);
    }

    private static String trainSource(EvalOptions options, int trainEpisodes) {
        if (options.mode() == EvalOptions.Mode.PREQUENTIAL) {
            return "prequential: each test episode after it is tested";
        }
        return options.trainFile() != null ? options.trainFile().toString()
                : "first " + trainEpisodes + " episodes of " + options.testFile() + " (fraction " + options.trainFraction() + ")";
    }

    private static String describe(ServingPolicy serving) {
        return "serve compiled procedures with status in " + serving.statuses().stream().sorted().toList()
                + (serving.minSupport() > 0 ? " and at least " + serving.minSupport() + " occurrences" : "")
                + (serving.minShadowRuns() == 0 ? ", at once" : ", once " + serving.minShadowRuns()
                + " shadow runs are at least " + serving.minShadowPrecision() + " correct");
    }
}
