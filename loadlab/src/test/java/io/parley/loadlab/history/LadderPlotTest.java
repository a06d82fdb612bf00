package io.parley.loadlab.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LadderPlotTest {
    @TempDir
    Path dir;

    private Path run(String name, String json) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("summary.json"), json);
        return d;
    }

    @Test
    void aLadderRunGivesOnePointPerStepJudgedByItsLimit() throws IOException {
        Path d = run("ladder", """
                {"params": {"ladder": "250, 500,1000", "p99LimitMs": "100"},
                 "ledger": {"steps": [
                   {"step": 0, "lost": 0, "unanswered": 0, "latency": {"count": 10, "p50": 5, "p99": 40}},
                   {"step": 1, "lost": 0, "unanswered": 0, "latency": {"count": 10, "p50": 9, "p99": 120}},
                   {"step": 2, "lost": 3, "unanswered": 0, "latency": {"count": 10, "p50": 9, "p99": 60}}]}}
                """);
        List<LogChart.Point> points = LadderPlot.pointsOf(d);
        assertEquals(List.of(250.0, 500.0, 1000.0), points.stream().map(LogChart.Point::x).toList());
        assertTrue(points.get(0).passed());
        assertFalse(points.get(1).passed(), "p99 over the limit");
        assertFalse(points.get(2).passed(), "something lost");
        assertEquals(5, points.get(0).p50());
        assertEquals(120, points.get(1).p99());
    }

    @Test
    void aChatRunGivesOnePointAtItsRateAndTheChartIsWritten() throws IOException {
        Path d = run("chat", """
                {"params": {"rate": "400", "ladder": "", "p99LimitMs": "100"},
                 "ledger": {"lost": 0, "unanswered": 2, "latency": {"count": 5, "p50": 20, "p99": 50}}}
                """);
        List<LogChart.Point> points = LadderPlot.pointsOf(d);
        assertEquals(1, points.size());
        assertEquals(400.0, points.get(0).x());
        assertFalse(points.get(0).passed(), "a send left unanswered fails the point");
        Path png = dir.resolve("out/ladder.png");
        LadderPlot.main(new String[] {png.toString(), "after=" + d});
        assertTrue(Files.size(png) > 1000, "a PNG was drawn");
    }
}
