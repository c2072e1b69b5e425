package io.procmem.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner over the bundled airline file, with the shadow gate off so that procedures are served at once. */
class EvalRunnerTest {
    private static final Map<String, String> UNGATED = Map.of(EvalConfig.SERVE_MIN_SHADOW_RUNS, "0");
    private final EvalRunner runner = new EvalRunner(Clock.systemUTC());

    @TempDir
    Path dir;

    @Test
    void shouldCountFalseTakeoversByReasonAndWriteBothReports() throws Exception {
        EvalResult result = runner.run(EvalOptions.prequential(AirlineEvalTest.FILE).withProperties(UNGATED).withOutDir(dir));

        var f = result.figures();
        assertThat(f.decisions()).isEqualTo(1164);
        assertThat(f.history()).hasSize(200);
        assertThat(f.correctCalls()).isPositive();
        assertThat(f.falseByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(f.falseTakeovers());
        assertThat(f.servedCalls()).isEqualTo(f.correctCalls() + f.falseTakeovers());
        assertThat(f.precision()).isEqualTo((double) f.correctCalls() / f.servedCalls());
        assertThat(Files.readString(dir.resolve(EvalRunner.HTML_FILE))).contains("<svg");
        assertThat(new ObjectMapper().readTree(dir.resolve(EvalRunner.JSON_FILE).toFile()).at("/figures/decisions").asLong())
                .isEqualTo(1164);
    }

    @Test
    void shouldLearnNothingWhileTestingInSplitMode() throws Exception {
        ArrayNode all = (ArrayNode) new ObjectMapper().readTree(AirlineEvalTest.FILE.toFile());
        ArrayNode firstHalf = new ObjectMapper().createArrayNode();
        for (int i = 0; i < 100; i++) {
            firstHalf.add(all.get(i));
        }
        Path train = dir.resolve("first-half.json");
        new ObjectMapper().writeValue(train.toFile(), firstHalf);

        EvalResult split = runner.run(EvalOptions.splitByFraction(AirlineEvalTest.FILE, 0.5).withProperties(UNGATED));
        EvalResult trainedOnly = runner.run(EvalOptions.prequential(train).withProperties(UNGATED));

        assertThat(split.episodesTrained()).isEqualTo(100);
        assertThat(split.episodesTested()).isEqualTo(100);
        assertThat(split.miner()).isEqualTo(trainedOnly.miner());
    }

    @Test
    void shouldRefuseAnUnknownServingStatus() {
        EvalOptions options = EvalOptions.prequential(AirlineEvalTest.FILE)
                .withProperties(Map.of(EvalConfig.SERVE_STATUSES, "CANDIDATE,PROMOTED"));

        assertThatThrownBy(() -> runner.run(options)).isInstanceOf(ConfigException.class).hasMessageContaining("PROMOTED");
    }
}
