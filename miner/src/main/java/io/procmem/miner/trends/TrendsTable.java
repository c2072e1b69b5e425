package io.procmem.miner.trends;

import java.util.List;
import java.util.Locale;

/**
 * Renders ranked patterns as a plain-text table for a terminal ({@code procmem trends}): rank, occurrences,
 * sessions, success rate, pattern id and name. Names longer than {@value #MAX_NAME} characters are cut with an
 * ellipsis so a row fits a wide terminal; the id finds the whole pattern.
 */
public final class TrendsTable {
    static final int MAX_NAME = 80;
    private static final String FORMAT = "%4s  %11s  %8s  %7s  %-18s  %s%n";

    private TrendsTable() {
    }

    public static String render(List<PatternTotal> rows) {
        if (rows.isEmpty()) {
            return "no patterns in this range\n";
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, FORMAT, "#", "occurrences", "sessions", "success", "pattern", "name"));
        for (int i = 0; i < rows.size(); i++) {
            PatternTotal row = rows.get(i);
            String success = row.sessions() == 0 ? "-"
                    : String.format(Locale.ROOT, "%.0f%%", 100.0 * row.successfulSessions() / row.sessions());
            table.append(String.format(Locale.ROOT, FORMAT, i + 1, row.occurrences(), row.sessions(), success,
                    row.patternId(), shorten(row.name())));
        }
        return table.toString();
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }
}
