package org.jmd.training;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jmd.engine.ForceResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG plots of a training report, drawn with XChart: learning curves (energy and force RMSE
 * per epoch, training and validation, log scale) and parity plots (predicted against reference,
 * energy per atom and force components, training and validation). Each returns false, drawing
 * nothing, when it has no data to show.
 */
public final class Plots {
    static {
        // plots are made on servers and in CI without a display
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private static final int SIZE = 640;

    private Plots() {}

    /** A learning curve to draw, with the label its series get (e.g. "member 2"; "" for a single model). */
    public record Curve(String label, LearningCurve curve) {}

    /** Energy and force RMSE against epoch, two panels side by side. */
    public static boolean learningCurves(Path png, List<Curve> curves) {
        XYChart energy = chart("Energy RMSE", "epoch", "RMSE (meV/atom)");
        XYChart force = chart("Force RMSE", "epoch", "RMSE (eV/Å)");
        for (XYChart c : List.of(energy, force)) {
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        int added = 0;
        for (Curve c : curves) {
            String prefix = c.label().isEmpty() ? "" : c.label() + " ";
            added += line(energy, prefix + "training", c.curve(), LearningCurve.TRAIN_ENERGY_RMSE);
            added += line(energy, prefix + "validation", c.curve(), LearningCurve.VALIDATION_ENERGY_RMSE);
            added += line(force, prefix + "training", c.curve(), LearningCurve.TRAIN_FORCE_RMSE);
            added += line(force, prefix + "validation", c.curve(), LearningCurve.VALIDATION_FORCE_RMSE);
        }
        if (added == 0) return false;
        List<XYChart> panels = new ArrayList<>();
        if (!energy.getSeriesMap().isEmpty()) panels.add(energy);
        if (!force.getSeriesMap().isEmpty()) panels.add(force);
        save(png, panels);
        return true;
    }

    /** Predicted against reference energy per atom (eV/atom), one series per set. */
    public static boolean energyParity(Path png, Map<String, PredictionsCsv.Sets> sets) {
        XYChart c = chart("Energy parity", "reference energy (eV/atom)", "predicted energy (eV/atom)");
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (Map.Entry<String, PredictionsCsv.Sets> e : sets.entrySet()) {
            List<LabelledStructure> data = e.getValue().data();
            if (data.isEmpty()) continue;
            double[] x = new double[data.size()], y = new double[data.size()];
            for (int k = 0; k < data.size(); k++) {
                int n = data.get(k).size();
                x[k] = data.get(k).energy() / n;
                y[k] = e.getValue().predictions().get(k).energy / n;
                lo = Math.min(lo, Math.min(x[k], y[k]));
                hi = Math.max(hi, Math.max(x[k], y[k]));
            }
            series.put(e.getKey(), new double[][] {x, y});
        }
        return scatter(png, c, series, lo, hi);
    }

    /** Predicted against reference force components (eV/Å), one series per set; structures without forces are left out. */
    public static boolean forceParity(Path png, Map<String, PredictionsCsv.Sets> sets) {
        XYChart c = chart("Force parity", "reference force component (eV/Å)", "predicted force component (eV/Å)");
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(3);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (Map.Entry<String, PredictionsCsv.Sets> e : sets.entrySet()) {
            List<LabelledStructure> data = e.getValue().data();
            int count = 0;
            for (LabelledStructure s : data) if (s.forces() != null) count += 3 * s.size();
            if (count == 0) continue;
            double[] x = new double[count], y = new double[count];
            int at = 0;
            for (int k = 0; k < data.size(); k++) {
                double[] ref = data.get(k).forces();
                if (ref == null) continue;
                ForceResult p = e.getValue().predictions().get(k);
                for (int j = 0; j < ref.length; j++, at++) {
                    x[at] = ref[j];
                    y[at] = p.forces[j];
                    lo = Math.min(lo, Math.min(x[at], y[at]));
                    hi = Math.max(hi, Math.max(x[at], y[at]));
                }
            }
            series.put(e.getKey(), new double[][] {x, y});
        }
        return scatter(png, c, series, lo, hi);
    }

    /** The y = x line first, so the points are drawn over it. */
    private static boolean scatter(Path png, XYChart c, Map<String, double[][]> series, double lo, double hi) {
        if (series.isEmpty()) return false;
        diagonal(c, lo, hi);
        series.forEach((name, xy) -> c.addSeries(name, xy[0], xy[1]).setMarker(SeriesMarkers.CIRCLE));
        save(png, List.of(c));
        return true;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(SIZE).height(SIZE).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setMarkerSize(5);
        return c;
    }

    /** Adds one learning-curve series; points that a log axis cannot show (≤ 0, NaN) are left out. */
    private static int line(XYChart chart, String name, LearningCurve curve, String column) {
        if (!curve.columns().contains(column)) return 0;
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        int row = 0;
        for (Map<String, Double> r : curve.rows()) {
            row++;
            Double v = r.get(column);
            if (v == null || !(v > 0) || Double.isInfinite(v)) continue;
            Double e = r.get(LearningCurve.EPOCH);
            xs.add(e == null ? row : e);
            ys.add(v);
        }
        if (xs.isEmpty()) return 0;
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(xs.size() > 50 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        return 1;
    }

    private static void diagonal(XYChart c, double lo, double hi) {
        if (!(hi > lo)) { lo -= 1; hi += 1; }
        XYSeries d = c.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        d.setMarker(SeriesMarkers.NONE);
        d.setLineColor(Color.GRAY);
    }

    /** Panels side by side in one PNG, written atomically (any XChart chart: XY, category, ..., of any size). */
    public static void save(Path png, List<? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels) {
        int width = 0, height = 0;
        for (var c : panels) {
            width += c.getWidth();
            height = Math.max(height, c.getHeight());
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (var c : panels) {
                g.drawImage(BitmapEncoder.getBufferedImage(c), x, 0, null);
                x += c.getWidth();
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        org.jmd.io.StructureIO.writeAtomically(png, bytes.toByteArray());
    }
}
