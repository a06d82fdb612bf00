package io.parley.loadlab.history;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A latency chart drawn with Java2D: a linear x axis, a logarithmic millisecond y axis from 1 ms
 * to 100 s, and per series a solid p99 line and a dashed p50 line; a failed point is a red ring.
 * The trend plot (x: run number) and the ladder plot (x: offered rate) are both drawn with it.
 */
final class LogChart {
    private static final int W = 1000;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 290;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final double MIN_LOG = 0; // 1 ms
    private static final double MAX_LOG = 5; // 100 s
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e),
        new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf),
        new Color(0x7f7f7f)};

    /** One point: x, p50 and p99 in ms, and whether it passed. */
    record Point(double x, long p50, long p99, boolean passed) {
    }

    private final String title;
    private final String xLabel;
    private final List<Double> xTicks;
    private final Map<String, List<Point>> series = new LinkedHashMap<>();

    /** {@code xTicks}: values labelled under the x axis (none: unlabelled). */
    LogChart(String title, String xLabel, List<Double> xTicks) {
        this.title = title;
        this.xLabel = xLabel;
        this.xTicks = xTicks;
    }

    void add(String name, Point p) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
    }

    void write(Path png) throws IOException {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        for (List<Point> ps : series.values()) {
            for (Point p : ps) {
                xMin = Math.min(xMin, p.x());
                xMax = Math.max(xMax, p.x());
            }
        }
        for (double t : xTicks) {
            xMin = Math.min(xMin, t);
            xMax = Math.max(xMax, t);
        }
        if (!(xMax > xMin)) {
            xMin = xMin == Double.MAX_VALUE ? 0 : xMin - 1;
            xMax = xMin + 2;
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title + " (p99 solid, p50 dashed)", LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int e = 0; e <= MAX_LOG; e++) {
            int y = y(Math.round(Math.pow(10, e)), plotH);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(msLabel(Math.pow(10, e)), 8, y + 4);
        }
        for (double t : xTicks) {
            int x = x(t, xMin, xMax, plotW);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(x, TOP, x, TOP + plotH);
            g.setColor(Color.DARK_GRAY);
            String s = t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
            g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, TOP + plotH + 15);
        }
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.drawString(xLabel, LEFT + plotW / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, H - 12);
        int c = 0;
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            Color color = COLORS[c % COLORS.length];
            List<Point> ps = e.getValue().stream()
                    .sorted(java.util.Comparator.comparingDouble(Point::x)).toList();
            Point prev = null;
            for (Point p : ps) {
                int x = x(p.x(), xMin, xMax, plotW);
                int y99 = y(p.p99(), plotH);
                int y50 = y(p.p50(), plotH);
                g.setColor(color);
                if (prev != null) {
                    int px = x(prev.x(), xMin, xMax, plotW);
                    g.setStroke(new BasicStroke(2f));
                    g.drawLine(px, y(prev.p99(), plotH), x, y99);
                    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                            10f, new float[] {5f, 4f}, 0f));
                    g.drawLine(px, y(prev.p50(), plotH), x, y50);
                }
                g.setStroke(new BasicStroke(1.5f));
                g.fillOval(x - 3, y99 - 3, 7, 7);
                g.fillOval(x - 2, y50 - 2, 5, 5);
                if (!p.passed()) {
                    g.setColor(Color.RED);
                    g.drawOval(x - 7, y99 - 7, 14, 14);
                }
                prev = p;
            }
            int ly = TOP + 10 + c * 18;
            g.setColor(color);
            g.fillRect(LEFT + plotW + 20, ly - 8, 12, 8);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey() + " (" + ps.size() + ")", LEFT + plotW + 38, ly);
            c++;
        }
        g.setColor(Color.RED);
        g.drawOval(LEFT + plotW + 20, TOP + 14 + c * 18, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString("failed", LEFT + plotW + 38, TOP + 24 + c * 18);
        g.dispose();
        if (png.toAbsolutePath().getParent() != null) {
            Files.createDirectories(png.toAbsolutePath().getParent());
        }
        ImageIO.write(img, "png", png.toFile());
    }

    private static int x(double v, double min, double max, int plotW) {
        return LEFT + (int) ((v - min) / (max - min) * plotW);
    }

    private static int y(long ms, int plotH) {
        double v = Math.log10(Math.max(1, ms));
        v = Math.max(MIN_LOG, Math.min(MAX_LOG, v));
        return TOP + plotH - (int) ((v - MIN_LOG) / (MAX_LOG - MIN_LOG) * plotH);
    }

    private static String msLabel(double ms) {
        return ms >= 1000 ? (int) (ms / 1000) + " s" : (int) ms + " ms";
    }
}
