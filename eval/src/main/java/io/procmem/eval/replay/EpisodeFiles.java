package io.procmem.eval.replay;

import io.procmem.ingest.trajectory.RecordedSession;
import io.procmem.ingest.trajectory.SessionDefaults;
import io.procmem.ingest.trajectory.TrajectoryFormatException;
import io.procmem.ingest.trajectory.TrajectoryProblem;
import io.procmem.ingest.trajectory.TrajectoryReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a recorded-trajectory file (any form the ingest {@link TrajectoryReader} accepts) into episodes, in file
 * order. Unlike an import, which sends bad records to the dead-letter topic and goes on, the eval refuses a file with
 * any bad record: measuring on the records that happen to parse would quietly change the figures. The error lists
 * every bad record (the first {@value #LISTED}) with the reader's reason.
 */
public final class EpisodeFiles {
    private static final int LISTED = 10;

    private EpisodeFiles() {
    }

    /** @param fleet the fleet given to every session, as {@code ingest.fleet} does on import */
    public static List<Episode> read(Path file, String fleet) throws EvalInputException {
        if (!Files.isRegularFile(file)) {
            throw new EvalInputException(file + ": no such file");
        }
        String source = file.getFileName().toString();
        List<Episode> episodes = new ArrayList<>();
        List<TrajectoryProblem> problems = new ArrayList<>();
        try {
            new TrajectoryReader(file, SessionDefaults.forFile(file, null, fleet)).read(record -> {
                if (record instanceof RecordedSession session) {
                    episodes.add(Episodes.of(session, source));
                } else if (record instanceof TrajectoryProblem problem) {
                    problems.add(problem);
                }
            });
        } catch (TrajectoryFormatException e) {
            throw new EvalInputException("cannot read " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EvalInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(file + ": " + problems.size() + " record(s) cannot be read:");
            problems.stream().limit(LISTED).forEach(p -> message.append("\n  record ").append(p.index()).append(": ")
                    .append(p.reason()));
            if (problems.size() > LISTED) {
                message.append("\n  ... and ").append(problems.size() - LISTED).append(" more");
            }
            throw new EvalInputException(message.toString());
        }
        if (episodes.isEmpty()) {
            throw new EvalInputException(file + ": holds no records");
        }
        return episodes;
    }
}
