package io.procmem.miner.topology;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For records no source deserializer could read. The steps source reads plain bytes, so in practice this covers the
 * internal repartition topic (a candidate written by an incompatible version). Logs, dead-letters (stage
 * {@value #STAGE}) and continues.
 */
public final class LogAndDeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    static final String STAGE = "deserialize";
    private static final Logger LOG = LoggerFactory.getLogger(LogAndDeadLetterDeserializationHandler.class);
    private final HandlerDeadLetters deadLetters = new HandlerDeadLetters();

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception error) {
        LOG.warn("cannot deserialize {}-{}@{} (task {}, node {}); dead-lettering it and continuing: {}", context.topic(),
                context.partition(), context.offset(), context.taskId(), context.processorNodeId(), error.toString());
        return Response.resume(deadLetters.of(STAGE, context, record.key(), record.value(), error));
    }
}
