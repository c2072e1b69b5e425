package io.procmem.ingest.trajectory;

/**
 * A record that cannot become a session; the message is the reason reported in its {@link TrajectoryProblem}. It
 * never leaves the reader: it only unwinds the parsing of one record.
 */
final class MalformedRecordException extends RuntimeException {
    MalformedRecordException(String reason) {
        super(reason, null, false, false);
    }
}
