package io.procmem.ingest.trajectory;

/**
 * What the {@link TrajectoryReader} yields for each record of a file: a session it could read, or the problem that
 * kept it from reading one. Nothing in between, so a caller cannot forget to handle the bad records.
 */
public sealed interface TrajectoryRecord permits RecordedSession, TrajectoryProblem {

    /** 0-based position of the record in its file (list element, or non-blank line for JSON Lines). */
    int index();
}
