package io.procmem.executor.bench;

import io.procmem.executor.api.ApiHandler;
import io.procmem.executor.api.BearerAuth;
import io.procmem.executor.api.ExecutorServer;
import io.procmem.executor.api.Readiness;
import io.procmem.executor.api.RunEndpoints;
import io.procmem.executor.gateway.HttpToolGateway;
import io.procmem.executor.metrics.ExecutorMetrics;
import io.procmem.executor.runner.ProcedureRunner;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RetryPolicy;
import io.procmem.executor.runner.RunService;
import io.procmem.executor.runner.ServePolicy;
import io.procmem.executor.sample.SampleToolServer;
import io.procmem.executor.store.ProcedureIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The serving path of executors on loopback without Kafka: the sample tool server and, in front of it, two
 * executors' HTTP APIs (Jetty, handler, run service, runner, HTTP gateway, metrics) over an index holding the bench
 * routine: one calling a foreach's elements one after the other, one with {@code parallelism} of them at once.
 * Reports are left out (they need Kafka): building and handing one to the producer is the only serving work the
 * bench does not measure.
 */
final class LoopbackStack implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    final SampleToolServer tools;
    /** The executor with foreach parallelism 1. */
    final ExecutorServer sequential;
    /** The executor with foreach parallelism {@link #parallelism}. */
    final ExecutorServer parallel;
    final int parallelism;
    final String token = UUID.randomUUID().toString();
    private final List<AutoCloseable> opened = new ArrayList<>();

    LoopbackStack(int parallelism) {
        this.parallelism = parallelism;
        tools = SampleToolServer.start("127.0.0.1", 0);
        sequential = executor(1);
        parallel = executor(parallelism);
    }

    private ExecutorServer executor(int foreachParallelism) {
        ProcedureIndex index = new ProcedureIndex();
        index.put(BenchProcedures.routine());
        HttpToolGateway gateway = new HttpToolGateway(tools.httpUrlTemplate(), TIMEOUT);
        opened.add(gateway);
        Redactor redactor = Redactor.defaults();
        ExecutorMetrics metrics = new ExecutorMetrics(1500);
        RunService service = new RunService(index, new ProcedureRunner(gateway, RetryPolicy.none(), foreachParallelism),
                new ServePolicy(false), List.of(metrics), redactor, Clock.systemUTC());
        RunEndpoints runs = new RunEndpoints(service, index, new BearerAuth(Optional.of(token)), redactor);
        ExecutorServer server = ExecutorServer.start("127.0.0.1", 0,
                new ApiHandler(index, () -> Readiness.UP, runs, metrics, 1 << 20));
        opened.add(0, server);
        return server;
    }

    String toolUrl(String tool) {
        return tools.httpUrlTemplate().replace("{tool}", tool);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
        tools.close();
    }
}
