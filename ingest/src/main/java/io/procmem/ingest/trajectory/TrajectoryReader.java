package io.procmem.ingest.trajectory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Streams the sessions of a recorded-trajectory file, one record in memory at a time, so a 1 GB file is not loaded
 * whole. Accepted forms, told apart by the first non-blank character and the first line:
 * <ul>
 *   <li><code>[</code>: a JSON list of records, tau-bench runner output or sessions;</li>
 *   <li><code>{</code> and the first line is a complete object: JSON Lines, one record per non-blank line;</li>
 *   <li><code>{</code> otherwise: one (pretty-printed) record, or several one after another.</li>
 * </ul>
 * Each record is a tau-bench episode ({@code traj}) or a session ({@code messages}); see {@link SessionParser} and
 * {@link StepCollector} for the fields read and for which flaws make a record a {@link TrajectoryProblem}. A bad
 * record is reported and reading goes on; JSON broken outside any one record (in list or object form) ends the read
 * with a {@link TrajectoryFormatException} naming the position, while in JSON Lines a broken line is just a problem.
 *
 * <p>Not thread-safe; one reader per file and read.
 */
public final class TrajectoryReader {
    private enum Form { LIST, OBJECTS, LINES }

    private final Path file;
    private final SessionParser parser;
    private CountingInputStream input;

    public TrajectoryReader(Path file, SessionDefaults defaults) {
        this.file = file;
        this.parser = new SessionParser(defaults, file.getFileName().toString());
    }

    /** Bytes of the file consumed so far by the current or last read (read-ahead included), for progress. */
    public long bytesRead() {
        return input == null ? 0 : input.count();
    }

    /**
     * Hands every record of the file, as a session or a problem, to {@code sink} in file order.
     *
     * @return the number of records read
     * @throws TrajectoryFormatException when the file as a whole is not readable JSON of an accepted form
     */
    public int read(Consumer<? super TrajectoryRecord> sink) throws IOException {
        Form form = detect();
        return form == Form.LINES ? readLines(sink) : readValues(sink, form == Form.LIST);
    }

    private Form detect() throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c = in.read();
            while (c >= 0 && (Character.isWhitespace(c) || c == '\uFEFF')) {
                c = in.read();
            }
            if (c == '[') {
                return Form.LIST;
            }
            if (c == '{') {
                String restOfLine = in.readLine();
                return JsonTexts.tryParse("{" + (restOfLine == null ? "" : restOfLine)).isPresent() ? Form.LINES : Form.OBJECTS;
            }
            throw new TrajectoryFormatException(file, c < 0 ? "has no JSON: expected a list, an object or JSON Lines"
                    : "starts with '" + (char) c + "': expected '[' (a list of records) or '{' (a record, or JSON Lines)");
        }
    }

    private int readValues(Consumer<? super TrajectoryRecord> sink, boolean list) throws IOException {
        input = new CountingInputStream(Files.newInputStream(file));
        try (JsonParser json = JsonTexts.MAPPER.createParser(input)) {
            JsonToken token = json.nextToken();
            if (list) {
                token = json.nextToken();
            }
            int index = 0;
            while (token != null && token != JsonToken.END_ARRAY) {
                long start = json.currentTokenLocation().getByteOffset();
                JsonNode node = JsonTexts.MAPPER.readTree(json);
                long end = json.currentLocation().getByteOffset();
                TrajectoryRecord record;
                try {
                    record = parser.parse(node, index);
                } catch (MalformedRecordException e) {
                    record = new TrajectoryProblem(index, e.getMessage(), slice(start, end));
                }
                sink.accept(record);
                index++;
                token = json.nextToken();
            }
            if (list && json.nextToken() != null) {
                throw new TrajectoryFormatException(file, "has more JSON after the list closes, at byte "
                        + json.currentTokenLocation().getByteOffset());
            }
            return index;
        } catch (JsonProcessingException e) {
            throw new TrajectoryFormatException(file, e);
        }
    }

    private int readLines(Consumer<? super TrajectoryRecord> sink) throws IOException {
        input = new CountingInputStream(Files.newInputStream(file));
        int lineNumber = 0;
        // A decoder that reports rather than replaces bad bytes: a mangled record must not pass for a good one.
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()))) {
            int index = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                String text = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (!text.isBlank()) {
                    sink.accept(parseLine(text, index++, lineNumber));
                }
            }
            return index;
        } catch (CharacterCodingException e) {
            throw new TrajectoryFormatException(file, "is not valid UTF-8 after line " + lineNumber);
        }
    }

    private TrajectoryRecord parseLine(String line, int index, int lineNumber) {
        String where = "line " + lineNumber + ": ";
        try {
            return parser.parse(JsonTexts.parse(line), index);
        } catch (JsonProcessingException e) {
            return new TrajectoryProblem(index, where + "not valid JSON: " + e.getOriginalMessage(), line);
        } catch (MalformedRecordException e) {
            return new TrajectoryProblem(index, where + e.getMessage(), line);
        }
    }

    /** The record's bytes exactly as in the file; read back only for bad records, which are rare. */
    private String slice(long start, long end) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(end - start));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            do {
                n = channel.read(bytes, start + bytes.position());
            } while (n > 0 && bytes.hasRemaining());
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    }
}
