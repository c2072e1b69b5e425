package io.procmem.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.deploy.demo.ContinuationProbe;
import io.procmem.deploy.demo.MinerProgress;
import io.procmem.deploy.demo.ProcedureTable;
import io.procmem.deploy.demo.ExecutorClient;
import io.procmem.deploy.demo.McpProbe;
import io.procmem.deploy.demo.RunProbe;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import io.procmem.executor.sample.SampleToolServer;
import io.procmem.eval.cli.EvalOptions;
import io.procmem.eval.cli.EvalResult;
import io.procmem.eval.cli.EvalRunner;
import io.procmem.deploy.stack.ExecutorSettings;
import io.procmem.deploy.stack.ServiceStatus;
import io.procmem.deploy.stack.Stack;
import io.procmem.deploy.stack.StackConfig;
import io.procmem.ingest.config.IngestConfig;
import io.procmem.ingest.importer.ImportSummary;
import io.procmem.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmem demo}: the whole path on this machine. Starts the stack (unless it already runs), imports the bundled
 * tau-bench airline trajectories, waits for the miner to go idle, prints the compiled procedures, asks the executor
 * to continue a real session, runs a routine end to end against the sample tool server (once served, once escalated),
 * and stops what it started.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the stack, import the bundled airline trajectories, mine, query the executor, stop.")
final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");
    static final Path BUNDLED = Path.of("data", "tau-bench-airline-gpt4o", "gpt-4o-airline.json");
    private static final String MINER_APPLICATION_ID = "procmem-miner";

    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "<file>",
            description = "Trajectories to import (default: the bundled tau-bench airline file).")
    Path file;

    @Option(names = "--keep-running", description = "Leave the stack running at the end.")
    boolean keepRunning;

    @Option(names = "--mine-timeout", defaultValue = "PT3M",
            description = "How long to wait for the miner to go idle (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration mineTimeout;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        StackConfig config = ConfigOptions.resolve(spec, parent.env());
        Path input = file != null ? file : bundledFile();
        Stack stack = new Stack(config, StackServices.all(config));
        boolean wasRunning = stack.status().stream().allMatch(ServiceStatus::up);
        try {
            LOG.info("[1/7] starting the stack in {}", config.stackDir());
            ExecutorSettings.ensure(config);
            stack.up();
            LOG.info("[2/7] importing {}", input);
            ImportSummary imported = ImportCommand.importFile(
                    new IngestConfig(ServiceConfigs.clients(config)), input);
            LOG.info("[3/7] waiting for the miner to read every event and go quiet");
            try (MinerProgress progress = new MinerProgress(config.bootstrapServers(), MINER_APPLICATION_ID,
                    Topics.STEPS, Topics.PROCEDURES)) {
                if (!progress.awaitIdle(Duration.ofSeconds(5), mineTimeout)) {
                    throw new IllegalStateException("the miner did not catch up within " + mineTimeout
                            + " (lag " + progress.stepsLag() + " events); see " + config.logFile("miner"));
                }
            }
            Collection<CompiledProcedure> procedures = ProceduresCommand.read(config);
            LOG.info("[4/7] compiled procedures:\n{}", ProcedureTable.render(procedures, 15, true));
            LOG.info("[5/7] asking the executor which procedure continues real sessions");
            String executorUrl = "http://127.0.0.1:" + config.port(StackConfig.EXECUTOR_PORT);
            Optional<JsonNode> answer = new ContinuationProbe(executorUrl).firstMatch(input);
            answer.ifPresentOrElse(a -> { }, () -> LOG.warn("the executor matched none of the probed sessions"));
            LOG.info("[6/7] running a routine for real against the sample airline tool server");
            JsonNode[] runs;
            Optional<McpSchema.CallToolResult> mcpCall;
            String token = ExecutorSettings.token(config);
            try (SampleToolServer tools = SampleToolServer.start("127.0.0.1", config.port(StackConfig.TOOLS_PORT))) {
                runs = new RunProbe(tools, new ExecutorClient(executorUrl), token).run();
                mcpCall = new McpProbe(executorUrl, token).listAndCall("get_user_details",
                        Map.of("user_id", "raj_sanchez_7340"));
            }
            LOG.info("[7/7] evaluating on the same trajectories what procedures would have saved (no broker needed)");
            Path reports = config.stackDir().resolve("eval-report");
            EvalResult eval = EvalCommand.run(EvalOptions.prequential(input).withOutDir(reports));
            LOG.info("evaluation:\n{}reports: {}", EvalRunner.render(eval), reports.resolve(EvalRunner.HTML_FILE));
            LOG.info("demo done in {} s: {} sessions imported, {} procedures compiled, executor {}; routine run: {},"
                            + " then {}; MCP tools/call {}", Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                    imported.sessions(), procedures.size(),
                    answer.isPresent() ? "offered a continuation" : "found no continuation",
                    runs[0].path("outcome").asText(), runs[1].path("outcome").asText(),
                    mcpCall.map(r -> Boolean.TRUE.equals(r.isError()) ? "answered an error" : "served").orElse("found no tool"));
            boolean shown = !procedures.isEmpty() && "served".equals(runs[0].path("outcome").asText())
                    && "escalated".equals(runs[1].path("outcome").asText());
            if (!shown) {
                LOG.warn("the demo expected a served routine, then an escalation; see the answers above");
            }
            return shown ? 0 : 1;
        } finally {
            if (!wasRunning && !keepRunning) {
                LOG.info("stopping the stack (use --keep-running to leave it up)");
                stack.down();
            }
        }
    }

    /** The bundled file, found from the install directory the launcher passes, else the current directory. */
    private static Path bundledFile() {
        Path home = Path.of(System.getProperty("procmem.home", "."));
        Path bundled = home.resolve(BUNDLED);
        if (!Files.isReadable(bundled)) {
            throw new IllegalStateException("bundled trajectories not found at " + bundled.toAbsolutePath()
                    + ": run from the repository root or pass --file");
        }
        return bundled;
    }
}
