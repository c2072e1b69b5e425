package io.procmem.ingest.trajectory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The file itself cannot be read as trajectories: it is empty, does not start with a list or object, or its JSON
 * breaks outside any one record (records before the break have been handed out already). The message names the
 * file and, when known, the line, column and byte.
 */
public final class TrajectoryFormatException extends IOException {

    TrajectoryFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    TrajectoryFormatException(Path file, JsonProcessingException cause) {
        super(file + ": invalid JSON" + at(cause.getLocation()) + ": " + cause.getOriginalMessage(), cause);
    }

    private static String at(JsonLocation where) {
        if (where == null) {
            return "";
        }
        return " at line " + where.getLineNr() + ", column " + where.getColumnNr() + " (byte " + where.getByteOffset() + ")";
    }
}
