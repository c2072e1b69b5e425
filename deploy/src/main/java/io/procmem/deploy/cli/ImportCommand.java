package io.procmem.deploy.cli;

import io.procmem.ingest.config.IngestConfig;
import io.procmem.ingest.importer.ImportSummary;
import io.procmem.ingest.importer.TrajectoryImporter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code procmem import FILE}: publishes recorded trajectories (OpenAI chat messages with tool calls, or tau-bench
 * runner output) as step events. Malformed records are reported with their index and sent to the dead-letter topic;
 * the rest still go in. Exit code 0 even with malformed records (they are reported), 1 if nothing could be read.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import recorded agent trajectories (OpenAI chat messages with tool_calls; tau-bench output).")
final class ImportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");
    private static final int PROBLEMS_SHOWN = 10;

    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "JSON list, JSON object or JSON Lines file of sessions.")
    Path file;

    @Option(names = "--agent-id", description = "Agent id for sessions that name none (default: from the file).")
    String agentId;

    @Option(names = "--fleet", description = "Fleet (tenant) of the sessions; default 'default'.")
    String fleet;

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file of IngestConfig keys.")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": no such file or not readable");
        }
        Map<String, Object> props = ServiceConfigs.withFile(
                ServiceConfigs.clients(ConfigOptions.resolve(spec, parent.env())), configFile);
        if (agentId != null) {
            props.put(IngestConfig.AGENT_ID, agentId);
        }
        if (fleet != null) {
            props.put(IngestConfig.FLEET, fleet);
        }
        ImportSummary summary = importFile(new IngestConfig(props), file);
        return summary.sessions() == 0 && !summary.problems().isEmpty() ? 1 : 0;
    }

    /** Imports a file and logs what went in and what did not; shared with the demo. */
    static ImportSummary importFile(IngestConfig config, Path file) throws Exception {
        try (TrajectoryImporter importer = TrajectoryImporter.create(config)) {
            ImportSummary summary = importer.importFile(file);
            // The importer logs the totals; the reasons are what a user needs to fix the file.
            summary.problems().stream().limit(PROBLEMS_SHOWN)
                    .forEach(p -> LOG.warn("  record {}: {}", p.index(), p.reason()));
            if (summary.problems().size() > PROBLEMS_SHOWN) {
                LOG.warn("  ... and {} more", summary.problems().size() - PROBLEMS_SHOWN);
            }
            return summary;
        }
    }
}
