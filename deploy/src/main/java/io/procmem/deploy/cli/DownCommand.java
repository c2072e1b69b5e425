package io.procmem.deploy.cli;

import io.procmem.deploy.stack.Stack;
import io.procmem.deploy.stack.StackConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmem down}: stops the stack's services, keeping their data. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the stack's services, last started first; data is kept.")
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StackConfig config = ConfigOptions.resolve(spec, parent.env());
        new Stack(config, StackServices.all(config)).down();
        return 0;
    }
}
