package io.procmem.schemas.dlq;

import io.procmem.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead-letter records the same way at every stage. The value is a {@link DeadLetter} holding the original
 * key and value bytes whole; the headers repeat the stage and reason so that kcat or a console consumer can read why
 * without decoding Avro.
 */
public final class DeadLetters {
    public static final String HEADER_STAGE = "procmem.dlq.stage";
    public static final String HEADER_REASON = "procmem.dlq.reason";
    public static final String HEADER_SOURCE = "procmem.dlq.source";
    public static final String HEADER_EXCEPTION = "procmem.dlq.exception";

    private DeadLetters() {
    }

    /**
     * @param stage  where it failed (import, decode, ...)
     * @param source the topic, or file and record index
     * @param error  the failure, or null when the reason says it all
     */
    public static DeadLetter of(String stage, String reason, String source, Integer partition, Long offset,
                                byte[] key, byte[] value, Throwable error, Instant failedAt) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setExceptionClass(error == null ? null : error.getClass().getName())
                .setSource(source)
                .setPartition(partition)
                .setOffset(offset)
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(failedAt)
                .build();
    }

    /** Headers repeating the letter's stage, reason, source and exception. */
    public static Headers headers(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_STAGE, bytes(letter.getStage()));
        headers.add(HEADER_REASON, bytes(letter.getReason()));
        headers.add(HEADER_SOURCE, bytes(letter.getSource()));
        if (letter.getExceptionClass() != null) {
            headers.add(HEADER_EXCEPTION, bytes(letter.getExceptionClass()));
        }
        return headers;
    }

    /** A reason short enough for a header, from an exception chain. */
    public static String reasonOf(Throwable error) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = error; t != null && reason.length() < 900; t = t.getCause()) {
            if (reason.length() > 0) {
                reason.append(" <- ");
            }
            reason.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
