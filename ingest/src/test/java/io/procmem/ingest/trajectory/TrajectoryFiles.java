package io.procmem.ingest.trajectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes hand-made trajectory files and reads them back whole, for the reader tests. */
final class TrajectoryFiles {
    static final SessionDefaults DEFAULTS = new SessionDefaults("demo", null, "default");

    private TrajectoryFiles() {
    }

    /** JSON written with single quotes, for readability, turned into real JSON. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TrajectoryRecord> readAll(Path file) throws IOException {
        List<TrajectoryRecord> records = new ArrayList<>();
        new TrajectoryReader(file, DEFAULTS).read(records::add);
        return records;
    }

    /** A chat with one answered call of get_user_details. */
    static String chat() {
        return json("[{'role':'system','content':'policy'},"
                + "{'role':'user','content':'I want to book'},"
                + "{'role':'assistant','content':null,'tool_calls':[{'id':'c1','type':'function',"
                + "'function':{'name':'get_user_details','arguments':'{\\'user_id\\':\\'mia\\'}'}}]},"
                + "{'role':'tool','tool_call_id':'c1','name':'get_user_details','content':'{\\'name\\':\\'Mia\\'}'},"
                + "{'role':'assistant','content':'done'}]");
    }
}
