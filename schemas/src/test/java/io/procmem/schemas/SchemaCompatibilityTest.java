package io.procmem.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema must stay BACKWARD compatible with every released version of it: a consumer built from the current
 * schema reads all data written with a released one. Released versions are frozen under
 * {@code src/test/resources/released/<version>/}; on a release, copy the current .avsc files there.
 */
class SchemaCompatibilityTest {
    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("src/test/resources/released");

    static List<Path[]> releasedSchemas() throws IOException {
        List<Path[]> pairs = new ArrayList<>();
        try (Stream<Path> versions = Files.list(RELEASED)) {
            for (Path version : versions.toList()) {
                try (Stream<Path> files = Files.list(version)) {
                    files.filter(f -> f.toString().endsWith(".avsc"))
                            .forEach(f -> pairs.add(new Path[] {f, CURRENT.resolve(f.getFileName())}));
                }
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedSchemas")
    void shouldReadEveryReleasedVersionWithTheCurrentSchema(Path released, Path current) throws IOException {
        assertThat(current).as("released schema %s was removed; keep it or bump the subject", released).exists();
        var result = SchemaCompatibility.checkReaderWriterCompatibility(parse(current), parse(released));
        assertThat(result.getType())
                .as("current %s cannot read data written with %s: %s", current, released, result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldCoverEverySchemaInTheLatestRelease() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            assertThat(files.map(Path::getFileName).map(Path::toString).toList())
                    .contains("AgentEvent.avsc", "CompiledProcedure.avsc", "ExecutionReport.avsc", "DeadLetter.avsc", "PatternTrend.avsc");
        }
        assertThat(releasedSchemas()).isNotEmpty();
    }

    @Test
    void shouldRejectARequiredFieldAddedWithoutDefault() throws IOException {
        // The check above is only worth something if it catches a breaking change: here is one.
        Schema released = parse(CURRENT.resolve("ExecutionReport.avsc"));
        String broken = released.toString().replaceFirst("\\{\"name\":\"report_id\"",
                "{\"name\":\"new_required\",\"type\":\"string\"},{\"name\":\"report_id\"");
        var result = SchemaCompatibility.checkReaderWriterCompatibility(new Schema.Parser().parse(broken), released);
        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }
}
