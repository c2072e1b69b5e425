package io.procmem.deploy.cli;

import io.procmem.executor.app.ExecutorApp;
import io.procmem.executor.app.McpStdioMain;
import io.procmem.executor.config.ExecutorConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmem executor}: serves the compiled procedures in the foreground. */
@Command(name = "executor", mixinStandardHelpOptions = true,
        description = "Run an executor in the foreground: it reads every compiled procedure and serves them over HTTP.")
final class ExecutorCommand implements Callable<Integer> {
    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file of ExecutorConfig keys.")
    Path configFile;

    @Option(names = "--stdio", description = "Serve MCP over standard input and output (for an agent that starts the"
            + " executor as a subprocess); logs go to standard error.")
    boolean stdio;

    @Override
    public Integer call() throws Exception {
        var stack = ConfigOptions.resolve(spec, parent.env());
        ExecutorConfig config = new ExecutorConfig(ServiceConfigs.executor(stack, configFile));
        if (stdio) {
            McpStdioMain.run(config, System.in, System.out);
            return 0;
        }
        ExecutorApp app = ExecutorApp.start(config);
        return Foreground.runUntilStopped("executor", app);
    }
}
