package io.procmem.deploy.cli;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code procmem} command: runs the one-machine stack. Exit code 0 on success and 1 on any failure, reported on
 * one line (with the stack trace under {@code --verbose}). Every subcommand takes the stack options of
 * {@link io.procmem.deploy.stack.StackConfig}.
 */
@Command(name = "procmem", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Procedural memory for AI agent fleets: the one-machine stack.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, DemoCommand.class, ImportCommand.class,
                ProceduresCommand.class, TrendsCommand.class, EvalCommand.class, BenchCommand.class, BrokerCommand.class, RegistryCommand.class, MinerCommand.class,
                ExecutorCommand.class})
public final class ProcmemCli implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");
    private final Map<String, String> env;

    // Read from the parse result by the failure handler, since the option may be given after a subcommand.
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    ProcmemCli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line with the stack options added to every subcommand and one-line failure reporting. */
    static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new ProcmemCli(env));
        cli.getSubcommands().values().forEach(sub -> ConfigOptions.addTo(sub.getCommandSpec()));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (verbose(parseResult)) {
                LOG.error(Failures.oneLine(e), e);
            } else {
                LOG.error(Failures.oneLine(e));
            }
            return 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            LOG.error("{} (see '{} --help')", e.getMessage(), e.getCommandLine().getCommandSpec().qualifiedName());
            return 1;
        });
        return cli;
    }

    Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: see --help");
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
