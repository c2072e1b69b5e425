package io.procmem.eval.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws the report's charts as inline SVG text, so the HTML needs no script or stylesheet from anywhere else.
 * Deliberately small: a line chart of fractions (0..1) over a count, and horizontal stacked bars.
 */
final class SvgPlots {
    private static final int WIDTH = 720;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    /** One line of a chart: its legend label, colour and values (fractions 0..1, one per x from 1). */
    record Series(String label, String color, double[] values) {
    }

    /** One bar: label, then the lengths of its green (good) and red (bad) parts. */
    record Bar(String label, long good, long bad) {
    }

    private SvgPlots() {
    }

    static String lines(List<Series> series, String xLabel) {
        int height = 260;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        int n = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
        StringBuilder svg = open(height);
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + plotH - plotH * tick / 4.0;
            svg.append(fmt("<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>", LEFT, y, WIDTH - RIGHT, y));
            svg.append(fmt("<text x='%d' y='%.1f' font-size='11' text-anchor='end'>%.2f</text>", LEFT - 6, y + 4, tick / 4.0));
        }
        svg.append(fmt("<text x='%d' y='%d' font-size='11' text-anchor='middle'>%s (1..%d)</text>", LEFT + plotW / 2,
                height - 8, HtmlText.escape(xLabel), n));
        int legendX = LEFT + 8;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.values().length; i++) {
                double x = LEFT + (n <= 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
                double y = TOP + plotH - plotH * Math.max(0, Math.min(1, s.values()[i]));
                points.append(fmt("%.1f,%.1f ", x, y));
            }
            svg.append(fmt("<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>", s.color(), points.toString().trim()));
            svg.append(fmt("<rect x='%d' y='%d' width='12' height='4' fill='%s'/>", legendX, TOP + 4, s.color()));
            svg.append(fmt("<text x='%d' y='%d' font-size='12'>%s</text>", legendX + 16, TOP + 10, HtmlText.escape(s.label())));
            legendX += 24 + 8 * s.label().length();
        }
        return svg.append("</svg>").toString();
    }

    static String bars(List<Bar> bars) {
        int row = 22;
        int labelW = 300;
        int height = TOP + row * Math.max(1, bars.size()) + 8;
        long max = bars.stream().mapToLong(b -> b.good() + b.bad()).max().orElse(1);
        double scale = (WIDTH - labelW - RIGHT - 60) / (double) Math.max(1, max);
        StringBuilder svg = open(height);
        int y = TOP;
        for (Bar bar : bars) {
            double good = bar.good() * scale;
            double bad = bar.bad() * scale;
            svg.append(fmt("<text x='%d' y='%d' font-size='11' text-anchor='end'>%s</text>", labelW - 6, y + 14,
                    HtmlText.escape(bar.label())));
            svg.append(fmt("<rect x='%d' y='%d' width='%.1f' height='16' fill='#2e9d4f'/>", labelW, y + 2, good));
            svg.append(fmt("<rect x='%.1f' y='%d' width='%.1f' height='16' fill='#d9412b'/>", labelW + good, y + 2, bad));
            svg.append(fmt("<text x='%.1f' y='%d' font-size='11'>%d / %d</text>", labelW + good + bad + 6, y + 14,
                    bar.good(), bar.bad()));
            y += row;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int height) {
        return new StringBuilder(fmt("<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d'"
                + " font-family='sans-serif'>", WIDTH, height, WIDTH, height));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
