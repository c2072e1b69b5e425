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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The serving path of an executor on loopback without Kafka: the sample tool server, and the executor's HTTP API
 * (Jetty, handler, run service, runner, HTTP gateway, metrics) over an index holding the bench routine. Reports are
 * left out: they are sent asynchronously and never on a request's path.
 */
final class LoopbackStack implements AutoCloseable {
    final SampleToolServer tools;
    final ExecutorServer executor;
    final String token = UUID.randomUUID().toString();
    private final HttpToolGateway gateway;

    LoopbackStack() {
        tools = SampleToolServer.start("127.0.0.1", 0);
        ProcedureIndex index = new ProcedureIndex();
        index.put(BenchProcedures.routine());
        gateway = new HttpToolGateway(tools.httpUrlTemplate(), Duration.ofSeconds(10));
        Redactor redactor = Redactor.defaults();
        ExecutorMetrics metrics = new ExecutorMetrics(1500);
        RunService service = new RunService(index, new ProcedureRunner(gateway, RetryPolicy.none()),
                new ServePolicy(false), List.of(metrics), redactor, Clock.systemUTC());
        RunEndpoints runs = new RunEndpoints(service, index, new BearerAuth(Optional.of(token)), redactor);
        executor = ExecutorServer.start("127.0.0.1", 0, new ApiHandler(index, () -> Readiness.UP, runs, metrics, 1 << 20));
    }

    String toolUrl(String tool) {
        return tools.httpUrlTemplate().replace("{tool}", tool);
    }

    @Override
    public void close() throws Exception {
        executor.close();
        gateway.close();
        tools.close();
    }
}
