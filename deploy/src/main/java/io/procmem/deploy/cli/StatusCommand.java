package io.procmem.deploy.cli;

import io.procmem.deploy.stack.ServiceStatus;
import io.procmem.deploy.stack.Stack;
import io.procmem.deploy.stack.StackConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code procmem status}: one line per service, on standard output (the report is the command's result). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each service: up or down, pid, ports, uptime.")
final class StatusCommand implements Callable<Integer> {
    private static final String ROW = "%-10s %-5s %-8s %-12s %s%n";

    @ParentCommand
    ProcmemCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StackConfig config = ConfigOptions.resolve(spec, parent.env());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "SERVICE", "STATE", "PID", "PORTS", "UPTIME");
        for (ServiceStatus status : new Stack(config, StackServices.all(config)).status()) {
            out.printf(ROW, status.name(), status.up() ? "up" : "down",
                    status.pid().isPresent() ? Long.toString(status.pid().getAsLong()) : "-",
                    status.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    status.up() ? format(status.uptime()) : "-");
        }
        out.flush();
        return 0;
    }

    private static String format(Duration uptime) {
        return String.format("%d:%02d:%02d", uptime.toHours(), uptime.toMinutesPart(), uptime.toSecondsPart());
    }
}
