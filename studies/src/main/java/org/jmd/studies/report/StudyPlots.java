package org.jmd.studies.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmd.training.Plots;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG plots of a study report, drawn with XChart and saved through training's {@link Plots}:
 * overlays of curves (E–V, g(r), angle distributions, VDOS, MSD), bar charts (nanoparticle
 * energies and RMSDs, coordination histograms) and scatter plots (parity, error against a
 * diagnostic). The reference is drawn in black, models in XChart's palette.
 */
public final class StudyPlots {
    static {
        // plots are made on servers and in CI without a display
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The name the reference's series carries; it is drawn black and thicker. */
    public static final String REFERENCE = "reference";
    /** A series named "NAME fit" is drawn in the colour of "NAME" and kept out of the legend. */
    public static final String FIT = " fit";
    /** Colours of the models, in the order they first appear (Tableau 10, without its grey). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22), new Color(0x17becf)};
    private static final int WIDTH = 800, HEIGHT = 540;

    private StudyPlots() {}

    /** One series of an XY plot: points (x, y), drawn as a line or as markers. */
    public record Series(String name, double[] x, double[] y, boolean line) {}

    /** Curves and points in one panel; returns false (drawing nothing) when there is nothing finite to show. */
    public static boolean xy(Path png, String title, String xTitle, String yTitle, List<Series> series) {
        XYChart c = panel(title, xTitle, yTitle, series);
        return c != null && xy(png, List.of(c));
    }

    /** Several panels side by side in one PNG. */
    public static boolean xy(Path png, List<XYChart> panels) {
        List<XYChart> kept = new ArrayList<>();
        for (XYChart c : panels) if (c != null && !c.getSeriesMap().isEmpty()) kept.add(c);
        if (kept.isEmpty()) return false;
        Plots.save(png, kept);
        return true;
    }

    /** A panel, or null if no series has a finite point. */
    public static XYChart panel(String title, String xTitle, String yTitle, List<Series> series) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c.getStyler());
        // ticks such as 3.90625 (a frequency grid's spacing) read better rounded
        c.getStyler().setXAxisDecimalPattern("#.###");
        c.getStyler().setYAxisDecimalPattern("#.####");
        java.util.Map<String, Color> colours = new java.util.LinkedHashMap<>();
        for (Series s : series) {
            double[][] xy = finite(s.x(), s.y());
            if (xy[0].length == 0) continue;
            String base = s.name().endsWith(FIT) ? s.name().substring(0, s.name().length() - FIT.length()) : s.name();
            Color colour = base.equals(REFERENCE) ? Color.BLACK : base.equals("y = x") ? Color.GRAY
                    : colours.computeIfAbsent(base, b -> PALETTE[colours.size() % PALETTE.length]);
            XYSeries added = c.addSeries(unique(c.getSeriesMap().keySet(), s.name()), xy[0], xy[1]);
            added.setXYSeriesRenderStyle(s.line() ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            added.setMarker(s.line() ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            added.setLineColor(colour);
            added.setMarkerColor(colour);
            if (base.equals(REFERENCE)) added.setLineStyle(new BasicStroke(2.5f));
            if (s.name().endsWith(FIT)) added.setShowInLegend(false);
        }
        return c.getSeriesMap().isEmpty() ? null : c;
    }

    /** Scatter of y against x with the diagonal y = x, for parity plots. */
    public static boolean parity(Path png, String title, String xTitle, String yTitle, Map<String, double[][]> byModel) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : byModel.entrySet()) {
            double[][] xy = finite(e.getValue()[0], e.getValue()[1]);
            for (int k = 0; k < xy[0].length; k++) {
                lo = Math.min(lo, Math.min(xy[0][k], xy[1][k]));
                hi = Math.max(hi, Math.max(xy[0][k], xy[1][k]));
            }
            series.add(new Series(e.getKey(), xy[0], xy[1], false));
        }
        if (!(hi >= lo)) return false;
        List<Series> all = new ArrayList<>();
        all.add(new Series("y = x", new double[] {lo, hi}, new double[] {lo, hi}, true));
        all.addAll(series);
        XYChart c = panel(title, xTitle, yTitle, all);
        if (c == null) return false;
        c.getStyler().setMarkerSize(4);
        return xy(png, List.of(c));
    }

    /** Grouped bars: one group per category, one bar per series (NaN bars are drawn as zero-height). */
    public static boolean bars(Path png, String title, String yTitle, List<String> categories, Map<String, double[]> series) {
        if (categories.isEmpty() || series.isEmpty()) return false;
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setOverlapped(false);
        boolean any = false;
        int models = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (double v : e.getValue()) {
                values.add(Double.isFinite(v) ? v : 0.0);
                any |= Double.isFinite(v);
            }
            var s = c.addSeries(unique(c.getSeriesMap().keySet(), e.getKey()), categories, values);
            s.setFillColor(e.getKey().equals(REFERENCE) ? Color.DARK_GRAY : PALETTE[models++ % PALETTE.length]);
        }
        if (!any) return false;
        Plots.save(png, List.of(c));
        return true;
    }

    private static void style(Styler s) {
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setMarkerSize(6);
    }

    private static double[][] finite(double[] x, double[] y) {
        List<double[]> keep = new ArrayList<>();
        for (int k = 0; k < Math.min(x.length, y.length); k++) if (Double.isFinite(x[k]) && Double.isFinite(y[k])) keep.add(new double[] {x[k], y[k]});
        double[][] out = new double[2][keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            out[0][k] = keep.get(k)[0];
            out[1][k] = keep.get(k)[1];
        }
        return out;
    }

    private static String unique(java.util.Set<String> taken, String name) {
        String n = name;
        for (int k = 2; taken.contains(n); k++) n = name + " (" + k + ")";
        return n;
    }
}
