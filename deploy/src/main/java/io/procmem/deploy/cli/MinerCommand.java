package io.procmem.deploy.cli;

import io.procmem.miner.app.MinerApp;
import io.procmem.miner.config.MinerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code procmem miner}: runs the miner in the foreground. Its query API (health, pattern trends, procedures and
 * rejected candidates) listens on the stack's miner port; the stack polls its {@code /health} for readiness.
 */
@Command(name = "miner", mixinStandardHelpOptions = true,
        description = "Run the miner (Kafka Streams) in the foreground: it compiles procedures from step events.")
final class MinerCommand implements Callable<Integer> {
    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file of MinerConfig keys.")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        MinerApp miner = new MinerApp(new MinerConfig(ServiceConfigs.miner(ConfigOptions.resolve(spec, parent.env()),
                configFile)));
        miner.start();
        return Foreground.runUntilStopped("miner", miner);
    }
}
