package io.procmem.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.procmem.eval.cli.EvalResult;
import java.io.IOException;
import java.nio.file.Path;

/** The eval's result as indented JSON, field names as in {@link EvalResult} and its parts, for machines. */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(EvalResult result, Path file) throws IOException {
        JSON.writeValue(file.toFile(), result);
    }

    public static String toJson(EvalResult result) throws IOException {
        return JSON.writeValueAsString(result);
    }
}
