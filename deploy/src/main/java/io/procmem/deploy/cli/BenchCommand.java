package io.procmem.deploy.cli;

import io.procmem.deploy.stack.ServiceSpec;
import io.procmem.deploy.stack.ServiceStatus;
import io.procmem.deploy.stack.Stack;
import io.procmem.deploy.stack.StackConfig;
import io.procmem.executor.bench.ExecutorBench;
import io.procmem.miner.bench.BenchOptions;
import io.procmem.miner.bench.MinerBench;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmem bench miner}: the miner's benchmark against the stack's broker and registry (started for the run if
 * they are not up, without the stack's own miner and executor, which would compete for the CPU). Prints the report,
 * ending with {@code ratio <miner events/s ÷ trivial events/s>}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark: 'miner' (throughput vs a trivial topology, compile latency, state per pattern)"
                + " or 'executor' (match + bind latency with 100k procedures, HTTP overhead vs bare tool calls).")
final class BenchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");

    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", description = "What to measure: miner or executor.")
    String target;

    @Option(names = "--sessions", description = "Synthetic sessions to generate (default: the bench's default).")
    Integer sessions;

    @Option(names = "--warmup-sessions", description = "Sessions both applications drain first, untimed in the ratio, "
            + "so the timed phases run warm code (default: the bench's default; 0 skips the warm-up).")
    Integer warmupSessions;

    @Option(names = "--latency-routines", description = "Fresh routines timed for compile latency.")
    Integer latencyRoutines;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A miner or Kafka Streams setting for the bench's applications, e.g. --set num.stream.threads=2 "
                    + "(repeatable; both the miner and the trivial topology get Streams settings).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if ("executor".equals(target)) {
            // In-process: JMH for match + bind over 100k procedures, then HTTP on loopback against the sample tools.
            ExecutorBench.run(ExecutorBench.Options.defaults(), System.out);
            return 0;
        }
        if (!"miner".equals(target)) {
            throw new IllegalArgumentException("unknown bench target '" + target + "': use miner or executor");
        }
        StackConfig config = ConfigOptions.resolve(spec, parent.env());
        List<ServiceSpec> infrastructure = StackServices.all(config).stream()
                .filter(s -> !s.name().equals(StackServices.MINER) && !s.name().equals(StackServices.EXECUTOR))
                .toList();
        Stack stack = new Stack(config, infrastructure);
        boolean wasRunning = stack.status().stream().allMatch(ServiceStatus::up);
        try {
            stack.up();
            BenchOptions options = BenchOptions.defaults(config.bootstrapServers(), config.registryClientUrl())
                    .withTrajectories(Path.of(System.getProperty("procmem.home", ".")).resolve(BenchOptions.DEFAULT_TRAJECTORIES))
                    .withStateDir(config.stackDir().resolve("bench"));
            if (sessions != null) {
                options = options.withSessions(sessions);
            }
            if (warmupSessions != null) {
                options = options.withWarmupSessions(warmupSessions);
            }
            if (!settings.isEmpty()) {
                options = options.withMinerProperties(Map.copyOf(settings));
            }
            if (latencyRoutines != null) {
                options = options.withLatencyRoutines(latencyRoutines);
            }
            new MinerBench(System.out).run(options);
            return 0;
        } finally {
            if (!wasRunning) {
                LOG.info("stopping the broker and registry started for the bench");
                stack.down();
            }
        }
    }
}
