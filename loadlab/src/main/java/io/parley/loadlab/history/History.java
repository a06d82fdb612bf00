package io.parley.loadlab.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.loadlab.run.RunSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code History <history.csv> <plot.png> <runDir>...}: appends one row per summary.json found in
 * each run folder (a scenario's, or each scenario's of a gate run) and redraws the plot from the
 * whole file.
 */
public final class History {
    static final String HEADER = "startedAt,scenario,sent,acked,delivered,lost,duplicated,outOfOrder,"
            + "p50,p95,p99,p999,max,fanOutP99,passed,run";

    private History() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: History <history.csv> <plot.png> <runDir>...");
            System.exit(2);
        }
        Path csv = Path.of(args[0]);
        Path png = Path.of(args[1]);
        List<String> rows = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            rows.addAll(rowsOf(Path.of(args[i])));
        }
        append(csv, rows);
        List<Row> all = Row.readAll(csv);
        TrendPlot.draw(all, png);
        System.out.printf("history: %d row(s) added to %s (%d in all); plot %s%n", rows.size(), csv,
                all.size(), png);
    }

    static List<String> rowsOf(Path runDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.find(runDir, 2, (p, a) -> p.getFileName().toString()
                .equals("summary.json"))) {
            files = s.sorted().toList();
        }
        List<String> rows = new ArrayList<>();
        for (Path f : files) {
            JsonNode s = RunSummary.JSON.readTree(f.toFile());
            JsonNode l = s.path("ledger");
            JsonNode lat = l.path("latency");
            rows.add(String.join(",", s.path("startedAt").asText(), s.path("scenario").asText(),
                    l.path("sent").asText(), l.path("acked").asText(), l.path("delivered").asText(),
                    l.path("lost").asText(), l.path("duplicated").asText(),
                    l.path("outOfOrder").asText(), lat.path("p50").asText(),
                    lat.path("p95").asText(), lat.path("p99").asText(), lat.path("p999").asText(),
                    lat.path("max").asText(), l.path("fanOut").path("p99").asText(),
                    s.path("passed").asText(), runDir.getFileName().toString()));
        }
        return rows;
    }

    static void append(Path csv, List<String> rows) throws IOException {
        if (!Files.exists(csv)) {
            Files.writeString(csv, HEADER + "\n");
        }
        if (!rows.isEmpty()) {
            Files.writeString(csv, String.join("\n", rows) + "\n", StandardOpenOption.APPEND);
        }
    }
}
