package io.procmem.deploy.broker;

import io.procmem.deploy.cli.ProcmemCli;
import io.procmem.deploy.stack.Port;
import io.procmem.deploy.stack.ServiceSpec;
import io.procmem.deploy.stack.StackConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The broker as a service of the stack: a child JVM running {@code procmem broker} with the stack's whole
 * configuration passed as options, so the child resolves the same ports and directory whatever its environment.
 */
public final class BrokerService {
    public static final String NAME = "broker";

    private BrokerService() {
    }

    /** The broker service; {@code afterReady} is the work to do once it is up (the stack creates its topics). */
    public static ServiceSpec spec(StackConfig config, ServiceSpec.AfterReady afterReady) {
        List<String> args = new ArrayList<>();
        args.add("broker");
        args.addAll(config.asOptions());
        return new ServiceSpec(NAME, ProcmemCli.class.getName(), args,
                List.of(Port.of(config, StackConfig.BROKER_PORT), Port.of(config, StackConfig.CONTROLLER_PORT)),
                new BrokerProbe(config.port(StackConfig.BROKER_PORT)), config.brokerHeap(), afterReady);
    }
}
