package io.procmem.executor.api;

import io.procmem.executor.gateway.RoutingGateway;
import io.procmem.executor.gateway.ToolGateway;
import io.procmem.executor.metrics.ExecutorMetrics;
import io.procmem.executor.runner.ProcedureRunner;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RetryPolicy;
import io.procmem.executor.runner.RunService;
import io.procmem.executor.runner.ServePolicy;
import io.procmem.executor.store.ProcedureIndex;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds an {@link ApiHandler} the way ExecutorApp does, over a test's index, gateway and token. */
final class ApiFixture {

    private ApiFixture() {
    }

    /** @param token the bearer token, or null to leave the run endpoints turned off */
    static ApiHandler handler(ProcedureIndex index, Supplier<Readiness> readiness, int maxBody, ToolGateway gateway,
                              String token, ExecutorMetrics metrics) {
        Redactor redactor = Redactor.defaults();
        RunService service = new RunService(index, new ProcedureRunner(gateway, RetryPolicy.none()), new ServePolicy(true),
                List.of(metrics), redactor, Clock.systemUTC());
        RunEndpoints runs = new RunEndpoints(service, index, new BearerAuth(Optional.ofNullable(token)), redactor);
        return new ApiHandler(index, readiness, runs, metrics, maxBody);
    }

    /** A handler without tools or token, for tests of the read-only endpoints. */
    static ApiHandler readOnly(ProcedureIndex index, Supplier<Readiness> readiness, int maxBody) {
        return handler(index, readiness, maxBody, new RoutingGateway(Map.of(), null),
                null, new ExecutorMetrics(1500));
    }
}
