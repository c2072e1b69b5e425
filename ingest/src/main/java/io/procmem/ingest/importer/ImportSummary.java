package io.procmem.ingest.importer;

import java.time.Duration;
import java.util.List;

/**
 * What one import did.
 *
 * @param file     the file imported
 * @param sessions sessions published
 * @param events   events published (every session's start, steps and end)
 * @param problems records sent to the dead-letter topic instead, in file order
 * @param elapsed  wall time of the import, flushing included
 */
public record ImportSummary(String file, int sessions, long events, List<Problem> problems, Duration elapsed) {

    /** A record that was not imported: its 0-based index in the file and why. */
    public record Problem(int index, String reason) {
    }

    public ImportSummary {
        problems = List.copyOf(problems);
    }
}
