package io.procmem.executor.app;

import io.procmem.avro.AgentEvent;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.executor.report.ExecutionReporter;
import io.procmem.executor.requests.RequestFollower;
import io.procmem.executor.runner.RunService;
import io.procmem.executor.shadow.ShadowComparison;
import io.procmem.executor.shadow.ShadowFollower;
import io.procmem.executor.shadow.ShadowJudge;
import io.procmem.executor.shadow.ShadowPredictor;
import io.procmem.executor.store.ProcedureIndex;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Clock;
import java.util.Deque;

/**
 * Starts the executor's topic followers that configuration turns on: shadow mode on the steps topic
 * ({@code executor.shadow.enabled}, on by default) and the request topic ({@code executor.requests.enabled}, off by
 * default). Each is pushed on {@code opened}, so the app closes it before what it uses.
 */
final class Followers {

    private Followers() {
    }

    static void start(ExecutorConfig config, ProcedureIndex index, RunService service, ExecutionReporter reporter,
                      Deque<AutoCloseable> opened) {
        if (config.shadowEnabled()) {
            ShadowJudge judge = new ShadowJudge(new ShadowPredictor(index), new ShadowComparison(config.redactor()),
                    config.shadowMaxSessions(), config.shadowSessionTtl(), config.executorId(), Clock.systemUTC());
            ShadowFollower shadow = new ShadowFollower(config.stepsTopic(), config.shadowConsumerConfig(),
                    AvroSerde.forValues(AgentEvent.class, config.schemaRegistryUrl()).deserializer(), judge, reporter);
            opened.push(shadow);
            shadow.start();
        }
        if (config.requestsEnabled()) {
            RequestFollower requests = new RequestFollower(config.requestsTopic(), config.responsesTopic(),
                    config.requestsConsumerConfig(), config.responsesProducerConfig(), service, config.redactor());
            opened.push(requests);
            requests.start();
        }
    }
}
