package com.firesync.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scaling scenario's chart: the sync-all ratio (left axis) and the measured process's peak resident memory
 * (right axis) against connections, each with its target as a dashed line, so that a reader sees at a glance whether
 * cost grows faster than the work.
 */
final class ScalingChart {

    static final double RATIO_TARGET = 1.05;

    static final double RSS_TARGET_MB = 400;

    private static final Color RATIO = new Color(0x1f77b4);

    private static final Color RSS = new Color(0xd62728);

    private ScalingChart() {
    }

    /** Draws the steps (each with {@code connections}, {@code ratio}, {@code peak_rss_mb}) into a PNG. */
    static void draw(List<Map<String, Object>> steps, Path png) {
        System.setProperty("java.awt.headless", "true");
        var ratios = new XYSeries("sync-all ratio (wall / bound)");
        var rss = new XYSeries("peak RSS at -Xmx256m (MB)");
        for (Map<String, Object> step : steps) {
            double connections = ((Number) step.get("connections")).doubleValue();
            ratios.add(connections, (Number) step.get("ratio"));
            rss.add(connections, (Number) step.get("peak_rss_mb"));
        }
        var plot = new XYPlot();
        var connections = new NumberAxis("connections");
        connections.setAutoRangeIncludesZero(true);
        plot.setDomainAxis(connections);
        var ratioAxis = new NumberAxis("ratio");
        ratioAxis.setRange(Math.min(0.95, ratios.getMinY() - 0.05), Math.max(1.15, ratios.getMaxY() + 0.05));
        var rssAxis = new NumberAxis("peak RSS (MB)");
        rssAxis.setRange(0, Math.max(RSS_TARGET_MB * 1.15, rss.getMaxY() * 1.1));
        plot.setRangeAxis(0, ratioAxis);
        plot.setRangeAxis(1, rssAxis);
        plot.setDataset(0, new XYSeriesCollection(ratios));
        plot.setDataset(1, new XYSeriesCollection(rss));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(0, renderer(RATIO));
        plot.setRenderer(1, renderer(RSS));
        plot.addRangeMarker(0, target(RATIO_TARGET, RATIO), Layer.BACKGROUND);
        plot.addRangeMarker(1, target(RSS_TARGET_MB, RSS), Layer.BACKGROUND);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        var chart = new JFreeChart("FireSync sync-all cycle against connections (dashed: targets)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        var renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        return renderer;
    }

    private static ValueMarker target(double value, Color color) {
        return new ValueMarker(value, color, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 6f}, 0f));
    }
}
