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
 * Draws delivery latency p99 (solid) and p50 (dashed) per scenario against the run number, on a
 * logarithmic millisecond axis; a failed run is a red ring.
 */
final class TrendPlot {
    private static final int W = 900;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e),
        new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf),
        new Color(0x7f7f7f)};

    private TrendPlot() {
    }

    static void draw(List<Row> rows, Path png) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("loadlab: delivery latency per run (p99 solid, p50 dashed)", LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        double minLog = 0;                 // 1 ms
        double maxLog = 5;                 // 100 s
        // axes and grid
        for (int e = 0; e <= 5; e++) {
            int y = TOP + plotH - (int) ((e - minLog) / (maxLog - minLog) * plotH);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(Math.pow(10, e)), 8, y + 4);
        }
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.drawString("run (history.csv order)", LEFT + plotW / 2 - 50, H - 15);
        Map<String, List<int[]>> byScenario = new LinkedHashMap<>();
        int n = Math.max(2, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>())
                    .add(new int[] {i, (int) r.p50(), (int) r.p99(), r.passed() ? 1 : 0});
        }
        int c = 0;
        for (Map.Entry<String, List<int[]>> e : byScenario.entrySet()) {
            Color color = COLORS[c % COLORS.length];
            int[] prev = null;
            for (int[] p : e.getValue()) {
                int x = LEFT + (int) ((double) p[0] / (n - 1) * plotW);
                int y99 = y(p[2], plotH, minLog, maxLog);
                int y50 = y(p[1], plotH, minLog, maxLog);
                g.setColor(color);
                if (prev != null) {
                    int px = LEFT + (int) ((double) prev[0] / (n - 1) * plotW);
                    g.setStroke(new BasicStroke(2f));
                    g.drawLine(px, y(prev[2], plotH, minLog, maxLog), x, y99);
                    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                            10f, new float[] {5f, 4f}, 0f));
                    g.drawLine(px, y(prev[1], plotH, minLog, maxLog), x, y50);
                }
                g.setStroke(new BasicStroke(1.5f));
                g.fillOval(x - 3, y99 - 3, 7, 7);
                g.fillOval(x - 2, y50 - 2, 5, 5);
                if (p[3] == 0) {
                    g.setColor(Color.RED);
                    g.drawOval(x - 7, y99 - 7, 14, 14);
                }
                prev = p;
            }
            int ly = TOP + 10 + c * 18;
            g.setColor(color);
            g.fillRect(LEFT + plotW + 20, ly - 8, 12, 8);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey() + " (" + e.getValue().size() + ")", LEFT + plotW + 38, ly);
            c++;
        }
        g.setColor(Color.RED);
        g.drawOval(LEFT + plotW + 20, TOP + 14 + c * 18, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString("failed run", LEFT + plotW + 38, TOP + 24 + c * 18);
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(img, "png", png.toFile());
    }

    private static int y(long ms, int plotH, double minLog, double maxLog) {
        double v = Math.log10(Math.max(1, ms));
        v = Math.max(minLog, Math.min(maxLog, v));
        return TOP + plotH - (int) ((v - minLog) / (maxLog - minLog) * plotH);
    }

    private static String label(double ms) {
        return ms >= 1000 ? (int) (ms / 1000) + " s" : (int) ms + " ms";
    }
}
