package io.parley.loadlab.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.loadlab.run.RunSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code LadderPlot <plot.png> <series>=<runDir>[,<runDir>...] ...}: delivery latency against the
 * offered rate. Each run folder's summary.json gives one point per ladder step (a {@code ladder}
 * run) or one point at its {@code rate} (a chat run); a point fails when something was lost or left
 * unanswered or its p99 is not under the run's {@code p99LimitMs}. Prints the points as a Markdown
 * table too.
 */
public final class LadderPlot {
    private LadderPlot() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LadderPlot <plot.png> <series>=<runDir>[,<runDir>...] ...");
            System.exit(2);
        }
        List<String> table = new ArrayList<>();
        TreeSet<Double> rates = new TreeSet<>();
        List<Object[]> points = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String series = eq < 0 ? "run" : args[i].substring(0, eq);
            for (String dir : args[i].substring(eq + 1).split(",")) {
                for (LogChart.Point p : pointsOf(Path.of(dir))) {
                    points.add(new Object[] {series, p});
                    rates.add(p.x());
                    table.add(String.format("| %s | %.0f | %d ms | %d ms | %s |", series, p.x(),
                            p.p50(), p.p99(), p.passed() ? "yes" : "no"));
                }
            }
        }
        LogChart chart = new LogChart("Persisted 1:1 chat: delivery latency against offered rate",
                "offered rate (messages per second, all pairs together)", List.copyOf(rates));
        for (Object[] sp : points) {
            chart.add((String) sp[0], (LogChart.Point) sp[1]);
        }
        chart.write(Path.of(args[0]));
        System.out.println("| series | msg/s | p50 | p99 | passes |");
        System.out.println("|---|---|---|---|---|");
        table.forEach(System.out::println);
        System.out.println("ladder plot: " + args[0]);
    }

    static List<LogChart.Point> pointsOf(Path runDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.find(runDir, 2,
                (p, a) -> p.getFileName().toString().equals("summary.json"))) {
            files = s.sorted().toList();
        }
        List<LogChart.Point> out = new ArrayList<>();
        for (Path f : files) {
            JsonNode s = RunSummary.JSON.readTree(f.toFile());
            JsonNode params = s.path("params");
            long limit = params.path("p99LimitMs").asLong(100);
            JsonNode ledger = s.path("ledger");
            String ladder = params.path("ladder").asText("");
            if (!ladder.isBlank()) {
                String[] steps = ladder.split(",");
                for (JsonNode step : ledger.path("steps")) {
                    int at = step.path("step").asInt();
                    if (at < steps.length) {
                        out.add(point(Double.parseDouble(steps[at].trim()), step, limit));
                    }
                }
            } else if (params.hasNonNull("rate")) {
                out.add(point(params.path("rate").asDouble(), ledger, limit));
            }
        }
        return out;
    }

    /** A step report or a whole ledger: both carry lost, unanswered and latency. */
    private static LogChart.Point point(double rate, JsonNode figures, long p99LimitMs) {
        JsonNode lat = figures.path("latency");
        long p99 = lat.path("p99").asLong();
        boolean passed = figures.path("lost").asLong() == 0
                && figures.path("unanswered").asLong() == 0 && lat.path("count").asLong(1) > 0
                && p99 < p99LimitMs;
        return new LogChart.Point(rate, lat.path("p50").asLong(), p99, passed);
    }
}
