package io.parley.loadlab.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws delivery latency p99 (solid) and p50 (dashed) per scenario against the run number, on a
 * logarithmic millisecond axis; a failed run is a red ring.
 */
final class TrendPlot {
    private TrendPlot() {
    }

    static void draw(List<Row> rows, Path png) throws IOException {
        LogChart chart = new LogChart("loadlab: delivery latency per run", "run (history.csv order)",
                List.of());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            chart.add(r.scenario(), new LogChart.Point(i, r.p50(), r.p99(), r.passed()));
        }
        chart.write(png);
    }
}
