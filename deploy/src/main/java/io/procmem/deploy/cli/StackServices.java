package io.procmem.deploy.cli;

import io.procmem.deploy.broker.BrokerService;
import io.procmem.deploy.stack.HttpProbe;
import io.procmem.deploy.stack.Port;
import io.procmem.deploy.stack.ServiceSpec;
import io.procmem.deploy.stack.StackConfig;
import io.procmem.deploy.stack.TopicCreator;
import io.procmem.deploy.stack.TopicSpecs;
import java.util.ArrayList;
import java.util.List;

/**
 * The services of the one-machine stack, in start order; {@code up}, {@code down} and {@code status} all read this
 * list. A new service is one more {@link ServiceSpec} here, after the services it needs. When the configuration
 * points at an existing Kafka cluster or registry, the stack does not start its own.
 */
public final class StackServices {
    public static final String REGISTRY = "registry";
    public static final String MINER = "miner";
    public static final String EXECUTOR = "executor";

    private StackServices() {
    }

    public static List<ServiceSpec> all(StackConfig config) {
        List<ServiceSpec> services = new ArrayList<>();
        if (config.usesLocalBroker()) {
            // The topics exist before any later service starts, as auto-creation is off. With an existing
            // cluster, 'up' creates them before starting anything (see createTopics).
            services.add(BrokerService.spec(config, () -> createTopics(config)));
        }
        if (config.usesLocalRegistry()) {
            services.add(service(config, REGISTRY, StackConfig.REGISTRY_PORT, "/", ServiceSpec.AfterReady.NOTHING));
        }
        services.add(service(config, MINER, StackConfig.MINER_PORT, "/health", ServiceSpec.AfterReady.NOTHING));
        services.add(service(config, EXECUTOR, StackConfig.EXECUTOR_PORT, "/health", ServiceSpec.AfterReady.NOTHING,
                "--config", config.executorSettings().toString()));
        return services;
    }

    /** Creates procmem's topics where missing; existing ones are left as they are. */
    public static List<String> createTopics(StackConfig config) {
        return TopicCreator.ensure(config.bootstrapServers(), TopicSpecs.ALL);
    }

    /** A service that is the {@code procmem <name>} command in a child JVM, ready when its HTTP path answers 200. */
    private static ServiceSpec service(StackConfig config, String name, String portKey, String readyPath,
                                       ServiceSpec.AfterReady afterReady, String... extraArgs) {
        List<String> args = new ArrayList<>();
        args.add(name);
        args.addAll(config.asOptions());
        args.addAll(List.of(extraArgs));
        Port port = Port.of(config, portKey);
        return new ServiceSpec(name, ProcmemCli.class.getName(), args, List.of(port),
                new HttpProbe("http://127.0.0.1:" + port.number() + readyPath), config.serviceHeap(), afterReady);
    }
}
