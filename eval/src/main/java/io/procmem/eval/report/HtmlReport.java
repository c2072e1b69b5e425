package io.procmem.eval.report;

import io.procmem.eval.cli.EvalResult;
import io.procmem.eval.metrics.FalseTakeover;
import io.procmem.eval.metrics.Figures;
import io.procmem.eval.metrics.HistoryPoint;
import io.procmem.eval.metrics.ProcedureFigures;
import java.util.List;
import java.util.Locale;

/**
 * The eval's result as one self-contained HTML page: the headline figures, coverage and precision over the replay
 * (cumulative after each tested episode), per-procedure bars of correct and false calls, the miner's rejections and
 * the first false takeovers. Charts are inline SVG drawn by {@link SvgPlots}; no script, font or stylesheet is
 * fetched, so the file can be mailed or archived as is.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(EvalResult result) {
        Figures f = result.figures();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                + "<title>procmem eval</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                + "table{border-collapse:collapse}td,th{padding:2px 10px;border-bottom:1px solid #eee;text-align:left}"
                + "td.n{text-align:right}</style></head><body>");
        html.append("<h1>procmem eval</h1><p>").append(esc(result.mode().name().toLowerCase(Locale.ROOT)))
                .append(": test ").append(esc(result.test())).append(" (").append(result.episodesTested())
                .append(" episodes); train: ").append(esc(result.train())).append("<br>")
                .append(esc(result.serving())).append("</p>");
        html.append("<table>");
        row(html, "precision", fraction(f.precision()));
        row(html, "coverage", fraction(f.coverage()));
        row(html, "tool-call decisions", f.decisions());
        row(html, "served calls", f.servedCalls());
        row(html, "correct served calls (model decisions avoided)", f.correctCalls());
        row(html, "false takeovers", f.falseTakeovers());
        f.falseByReason().forEach((reason, count) -> row(html, "&nbsp;&nbsp;" + esc(reason), count));
        row(html, "escalations after correct calls", f.escalations());
        row(html, "neutral (stopped before any call)", f.neutral());
        row(html, "estimated tokens avoided", f.tokensAvoided());
        html.append("</table><p><small>Tokens: ").append(esc(f.tokenEstimator())).append("</small></p>");
        html.append("<h2>Coverage and precision over the replay</h2>").append(SvgPlots.lines(List.of(
                new SvgPlots.Series("coverage", "#1f6fb2", values(f.history(), true)),
                new SvgPlots.Series("precision", "#2e9d4f", values(f.history(), false))), "episodes tested"));
        html.append("<h2>Per procedure: correct / false calls</h2>").append(SvgPlots.bars(f.procedures().stream()
                .map(p -> new SvgPlots.Bar(p.name(), p.correctCalls(), p.servedCalls() - p.correctCalls())).toList()));
        procedures(html, f.procedures());
        html.append("<h2>Miner</h2><p>").append(result.miner().candidates()).append(" candidates, ")
                .append(result.miner().compiled()).append(" procedures compiled, ").append(result.miner().admitted())
                .append(" admitted by the serving policy.</p><table><tr><th>review</th><th>candidates rejected</th></tr>");
        result.miner().rejectionsByReview().forEach((review, count) -> row(html, esc(review), count));
        html.append("</table>");
        examples(html, f.falseExamples());
        return html.append("</body></html>\n").toString();
    }

    private static void procedures(StringBuilder html, List<ProcedureFigures> procedures) {
        html.append("<table><tr><th>procedure</th><th>name</th><th>status</th><th>support</th><th>takeovers</th>"
                + "<th>correct</th><th>served</th><th>false</th><th>precision</th></tr>");
        for (ProcedureFigures p : procedures) {
            html.append("<tr><td>").append(esc(p.procedureId())).append("</td><td>").append(esc(p.name()))
                    .append("</td><td>").append(esc(p.status())).append("</td>");
            for (long n : new long[] {p.support(), p.takeovers(), p.correctCalls(), p.servedCalls(), p.falseTakeovers()}) {
                html.append("<td class='n'>").append(n).append("</td>");
            }
            html.append("<td class='n'>").append(fraction(p.precision())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void examples(StringBuilder html, List<FalseTakeover> examples) {
        if (examples.isEmpty()) {
            return;
        }
        html.append("<h2>False takeovers (first ").append(examples.size()).append(")</h2><table><tr><th>session</th>"
                + "<th>step</th><th>procedure</th><th>reason</th><th>detail</th></tr>");
        for (FalseTakeover e : examples) {
            html.append("<tr><td>").append(esc(e.sessionId())).append("</td><td class='n'>").append(e.step())
                    .append("</td><td>").append(esc(e.procedureName())).append("</td><td>").append(esc(e.reason()))
                    .append("</td><td>").append(esc(e.detail())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static double[] values(List<HistoryPoint> history, boolean coverage) {
        return history.stream().mapToDouble(p -> coverage ? p.coverage() : p.precision()).toArray();
    }

    private static void row(StringBuilder html, String label, Object value) {
        html.append("<tr><td>").append(label).append("</td><td class='n'>").append(value).append("</td></tr>");
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String esc(String text) {
        return HtmlText.escape(text);
    }
}
