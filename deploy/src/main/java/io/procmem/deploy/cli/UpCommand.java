package io.procmem.deploy.cli;

import io.procmem.deploy.stack.ExecutorSettings;
import io.procmem.deploy.stack.Stack;
import io.procmem.deploy.stack.StackConfig;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmem up}: starts the stack's services in the background and creates the topics. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the stack in the background (services already running are kept).")
final class UpCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");

    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StackConfig config = ConfigOptions.resolve(spec, parent.env());
        if (!config.usesLocalBroker()) {
            StackServices.createTopics(config);
        }
        ExecutorSettings.ensure(config);
        new Stack(config, StackServices.all(config)).up();
        LOG.info("stack is up in {}: Kafka at {}, registry at {}, executor at http://127.0.0.1:{};"
                        + " 'procmem status' to check, 'procmem down' to stop",
                config.stackDir(), config.bootstrapServers(), config.registryUrl(),
                config.port(StackConfig.EXECUTOR_PORT));
        return 0;
    }
}
