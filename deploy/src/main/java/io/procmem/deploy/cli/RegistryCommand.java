package io.procmem.deploy.cli;

import io.procmem.registry.RegistryConfig;
import io.procmem.registry.RegistryServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmem registry}: runs the schema registry in the foreground, its schemas kept in Kafka. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Run the schema registry (Confluent REST API) in the foreground; schemas persist in Kafka.")
final class RegistryCommand implements Callable<Integer> {
    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file of RegistryConfig keys.")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        var stack = ConfigOptions.resolve(spec, parent.env());
        RegistryServer server = RegistryServer.start(new RegistryConfig(ServiceConfigs.registry(stack, configFile)));
        return Foreground.runUntilStopped("registry", server);
    }
}
