package io.procmem.miner.topology;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For a record the producer could not serialize or send (after its own retries). Logs the record's destination and
 * the source coordinates, and continues. A procedure that could not be written is published again only at its next
 * version. Not dead-lettered, since writing to Kafka is what failed.
 */
public final class LogAndContinueProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LogAndContinueProductionHandler.class);

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure: this handler only logs.
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception error) {
        LOG.error("cannot write to {} the output of {}-{}@{} (task {}); continuing: {}", record.topic(), context.topic(),
                context.partition(), context.offset(), context.taskId(), error.toString());
        return Response.resume();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception error,
                                             SerializationExceptionOrigin origin) {
        LOG.error("cannot serialize the {} for {} from {}-{}@{} (task {}); continuing: {}", origin, record.topic(),
                context.topic(), context.partition(), context.offset(), context.taskId(), error.toString());
        return Response.resume();
    }
}
