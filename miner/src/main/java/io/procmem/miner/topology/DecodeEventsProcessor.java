package io.procmem.miner.topology;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.DeadLetter;
import io.procmem.miner.session.EventValidator;
import io.procmem.schemas.dlq.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes step records here rather than in the source's deserializer, so that a record that is not an AgentEvent
 * (stage {@value #STAGE_DECODE}) or is one but is invalid (stage {@value #STAGE_VALIDATE}) becomes a dead letter
 * with its original bytes, and the next record is processed. A registry outage is rethrown, not dead-lettered.
 *
 * <p>Known limit: the source reads keys as UTF-8 strings, so a key that is not valid UTF-8 is kept in the dead letter
 * as its UTF-8 re-encoding, not byte for byte.
 */
final class DecodeEventsProcessor implements Processor<String, byte[], String, Decoded> {
    static final String STAGE_DECODE = "decode";
    static final String STAGE_VALIDATE = "validate";
    private static final Logger LOG = LoggerFactory.getLogger(DecodeEventsProcessor.class);

    private final Deserializer<AgentEvent> deserializer;
    private ProcessorContext<String, Decoded> context;

    DecodeEventsProcessor(Deserializer<AgentEvent> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void init(ProcessorContext<String, Decoded> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<RecordMetadata> source = context.recordMetadata();
        AgentEvent event;
        try {
            event = deserializer.deserialize(source.map(RecordMetadata::topic).orElse(null), record.value());
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            forwardDead(record, STAGE_DECODE, DeadLetters.reasonOf(e), e);
            return;
        }
        Optional<String> problem = event == null
                ? Optional.of("record value is null; expected an AgentEvent")
                : EventValidator.problem(record.key(), event);
        if (problem.isPresent()) {
            forwardDead(record, STAGE_VALIDATE, problem.get(), null);
            return;
        }
        context.forward(new Record<>(record.key(), Decoded.event(event), record.timestamp()));
    }

    private void forwardDead(Record<String, byte[]> record, String stage, String reason, Throwable error) {
        Optional<RecordMetadata> source = context.recordMetadata();
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetters.of(stage, reason, source.map(RecordMetadata::topic).orElse("unknown"),
                source.map(RecordMetadata::partition).orElse(null), source.map(RecordMetadata::offset).orElse(null),
                key, record.value(), error, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        LOG.warn("dead-lettering record {}-{}@{} (task {}) at stage {}: {}", letter.getSource(), letter.getPartition(),
                letter.getOffset(), context.taskId(), stage, reason);
        context.forward(new Record<>(record.key(), Decoded.dead(letter), record.timestamp(), DeadLetters.headers(letter)));
    }
}
