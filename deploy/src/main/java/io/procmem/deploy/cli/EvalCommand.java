package io.procmem.deploy.cli;

import io.procmem.eval.cli.EvalOptions;
import io.procmem.eval.cli.EvalResult;
import io.procmem.eval.cli.EvalRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code procmem eval}: replays recorded trajectories through the miner's core and the executor's serving code (no
 * broker needed) and reports what procedures would have saved: coverage, precision, false takeovers with reasons,
 * decisions and tokens avoided. Writes {@code eval.json} and {@code eval.html} to {@code --out}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure what procedural memory saves on recorded trajectories (prequential or train/test).")
final class EvalCommand implements Callable<Integer> {

    static final class Mode {
        @Option(names = "--prequential", paramLabel = "<file>", required = true,
                description = "Replay the file in order; each episode is tested before it is learned from.")
        Path prequential;

        @Option(names = "--train", paramLabel = "<file>", required = true, description = "Learn from this file...")
        Path train;
    }

    @ArgGroup(multiplicity = "1")
    Mode mode;

    @Option(names = "--test", paramLabel = "<file>", description = "... and test on this one (with --train).")
    Path test;

    @Option(names = "--train-fraction", paramLabel = "<f>",
            description = "With --prequential: learn from the first fraction of the file, test on the rest.")
    Double trainFraction;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "eval-report",
            description = "Where eval.json and eval.html go (default ${DEFAULT-VALUE}).")
    Path out;

    @Parameters(paramLabel = "key=value", arity = "0..*",
            description = "Overrides of the replayed miner (miner.*) and serving policy (eval.*) keys.")
    Map<String, String> overrides = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        EvalOptions options;
        if (mode.train != null) {
            if (test == null) {
                throw new IllegalArgumentException("--train needs --test <file>");
            }
            options = EvalOptions.split(mode.train, test);
        } else if (trainFraction != null) {
            options = EvalOptions.splitByFraction(mode.prequential, trainFraction);
        } else {
            options = EvalOptions.prequential(mode.prequential);
        }
        EvalResult result = run(options.withOutDir(out).withProperties(overrides));
        System.out.print(EvalRunner.render(result));
        System.out.println("reports: " + out.resolve(EvalRunner.JSON_FILE) + ", " + out.resolve(EvalRunner.HTML_FILE));
        return 0;
    }

    static EvalResult run(EvalOptions options) throws Exception {
        return new EvalRunner(Clock.systemUTC()).run(options);
    }
}
