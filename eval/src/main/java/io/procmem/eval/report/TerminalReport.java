package io.procmem.eval.report;

import io.procmem.eval.cli.EvalResult;
import io.procmem.eval.metrics.Figures;
import io.procmem.eval.metrics.ProcedureFigures;
import java.util.Locale;
import java.util.Map;

/**
 * The eval's figures as a plain-text table for a terminal. The last two lines are exactly {@code precision <x>} and
 * {@code coverage <y>} (fractions, 4 decimals), so scripts can read them with grep.
 */
public final class TerminalReport {
    private static final int NAME_WIDTH = 48;

    private TerminalReport() {
    }

    public static String render(EvalResult result) {
        Figures f = result.figures();
        StringBuilder out = new StringBuilder();
        line(out, "procmem eval: %s, test %s (%d episodes), train: %s", result.mode().name().toLowerCase(Locale.ROOT),
                result.test(), result.episodesTested(), result.train());
        line(out, "serving policy: %s", result.serving());
        if (!result.properties().isEmpty()) {
            line(out, "overrides: %s", result.properties());
        }
        out.append('\n');
        row(out, "tool-call decisions", f.decisions());
        row(out, "questions to the executor", f.questions());
        row(out, "takeovers (runs with calls)", f.takeovers());
        row(out, "served calls", f.servedCalls());
        row(out, "correct served calls", f.correctCalls());
        row(out, "false takeovers", f.falseTakeovers());
        f.falseByReason().forEach((reason, count) -> row(out, "  " + reason, count));
        row(out, "escalations after correct calls", f.escalations());
        row(out, "neutral (stopped before any call)", f.neutral());
        row(out, "shadow runs (compared, not served)", f.shadowRuns());
        row(out, "  their calls", f.shadowCalls());
        row(out, "  matching the agent's", f.shadowCorrectCalls());
        row(out, "model decisions avoided", f.decisionsAvoided());
        row(out, "estimated tokens avoided", f.tokensAvoided());
        line(out, "  (%s)", f.tokenEstimator());
        out.append('\n');
        line(out, "miner: %d candidates, %d procedures compiled, %d admitted by the serving policy", result.miner().candidates(),
                result.miner().compiled(), result.miner().admitted());
        for (Map.Entry<String, Long> rejection : result.miner().rejectionsByReview().entrySet()) {
            row(out, "  candidates rejected by " + rejection.getKey(), rejection.getValue());
        }
        if (!f.procedures().isEmpty()) {
            out.append('\n');
            line(out, "%-18s %-" + NAME_WIDTH + "s %-10s %8s %9s %8s %7s %6s %9s %14s", "procedure", "name", "status",
                    "support", "takeovers", "correct", "served", "false", "precision", "shadow ok/all");
            for (ProcedureFigures p : f.procedures()) {
                line(out, "%-18s %-" + NAME_WIDTH + "s %-10s %8d %9d %8d %7d %6d %9.4f %14s", p.procedureId(),
                        shorten(p.name()), p.status(), p.support(), p.takeovers(), p.correctCalls(), p.servedCalls(),
                        p.falseTakeovers(), p.precision(), p.shadowCorrectCalls() + "/" + p.shadowCalls());
            }
        }
        out.append('\n');
        line(out, "precision %.4f", f.precision());
        line(out, "coverage %.4f", f.coverage());
        return out.toString();
    }

    private static String shorten(String name) {
        return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH - 3) + "...";
    }

    private static void row(StringBuilder out, String label, long value) {
        line(out, "%-40s %10d", label, value);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
