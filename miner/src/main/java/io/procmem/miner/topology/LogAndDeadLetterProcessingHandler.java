package io.procmem.miner.topology;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For an exception thrown by a processor. A poison record is dead-lettered (stage {@value #STAGE}, with the bytes
 * of the source record that led to it) and processing continues; a registry outage fails the task instead, so the
 * record is retried once the stream thread is replaced rather than lost.
 */
public final class LogAndDeadLetterProcessingHandler implements ProcessingExceptionHandler {
    static final String STAGE = "process";
    private static final Logger LOG = LoggerFactory.getLogger(LogAndDeadLetterProcessingHandler.class);
    private final HandlerDeadLetters deadLetters = new HandlerDeadLetters();

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception error) {
        if (Failures.isTransient(error)) {
            LOG.error("processing {}-{}@{} failed in node {} (task {}) on an outage; failing the task to retry: {}",
                    context.topic(), context.partition(), context.offset(), context.processorNodeId(), context.taskId(),
                    error.toString());
            return Response.fail();
        }
        LOG.warn("processing {}-{}@{} failed in node {} (task {}); dead-lettering it and continuing", context.topic(),
                context.partition(), context.offset(), context.processorNodeId(), context.taskId(), error);
        return Response.resume(deadLetters.of(STAGE, context, context.sourceRawKey(), context.sourceRawValue(), error));
    }
}
