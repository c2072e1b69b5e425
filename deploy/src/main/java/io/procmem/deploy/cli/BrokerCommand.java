package io.procmem.deploy.cli;

import io.procmem.deploy.broker.BrokerConfig;
import io.procmem.deploy.broker.BrokerServer;
import io.procmem.deploy.stack.Port;
import io.procmem.deploy.stack.PortChecker;
import io.procmem.deploy.stack.StackConfig;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmem broker}: runs the Kafka broker in the foreground until Ctrl-C or SIGTERM. The stack's broker child
 * process runs this same command.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run the Kafka broker in the foreground (Ctrl-C stops it); data in <stack-dir>/broker.")
final class BrokerCommand implements Callable<Integer> {
    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        StackConfig config = ConfigOptions.resolve(spec, parent.env());
        PortChecker.requireFree("broker", Port.of(config, StackConfig.BROKER_PORT));
        PortChecker.requireFree("broker", Port.of(config, StackConfig.CONTROLLER_PORT));
        BrokerServer.run(BrokerConfig.from(config));
        return 0;
    }
}
