package io.procmem.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.eval.cli.EvalOptions;
import io.procmem.eval.cli.EvalResult;
import io.procmem.eval.cli.MinerSummary;
import io.procmem.eval.metrics.Figures;
import io.procmem.eval.metrics.HistoryPoint;
import io.procmem.eval.metrics.ProcedureFigures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private final EvalResult result = new EvalResult(EvalOptions.Mode.PREQUENTIAL, "prequential", "a<b>.json", 2, 2,
            Map.of(), "serve all", new MinerSummary(3, 1, 1, Map.of("support", 2L)),
            new Figures(10, 3, 4, 0.3, 0.75, 9, 2, 1, Map.of("agent stopped here: session ended", 1L), 0, 1, 3, 120,
                    "chars/4", 0, 0, 0,
                    List.of(new ProcedureFigures("p-1", "get <user>", "CANDIDATE", 7, 2, 3, 4, 1, 0, 1,
                            Map.of("agent stopped here: session ended", 1L), 0.75, 0, 0, 0)),
                    List.of(HistoryPoint.of(1, 5, 1, 1), HistoryPoint.of(2, 10, 3, 4)), List.of()));

    @Test
    void shouldEndTheTerminalTableWithPrecisionAndCoverageLines() {
        List<String> lines = TerminalReport.render(result).lines().toList();

        assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("precision 0.7500", "coverage 0.3000");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("p-1").contains("get <user>"));
    }

    @Test
    void shouldRenderSelfContainedHtmlWithInlineSvgAndEscapedNames() {
        String html = HtmlReport.render(result);

        assertThat(html).contains("<svg").contains("<polyline").contains("get &lt;user&gt;").contains("a&lt;b&gt;.json");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
    }

    @Test
    void shouldWriteJsonWithTheHeadlineFigures() throws Exception {
        String json = JsonReport.toJson(result);

        assertThat(json).contains("\"precision\" : 0.75").contains("\"coverage\" : 0.3").contains("\"falseByReason\"");
    }
}
