package io.parley.loadlab.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line of history.csv: a scenario's run and its delivery latency. */
record Row(String startedAt, String scenario, long p50, long p99, boolean passed) {
    static List<Row> readAll(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split(",", -1);
            return new Row(f[0], f[1], Long.parseLong(f[8]), Long.parseLong(f[10]),
                    Boolean.parseBoolean(f[14]));
        }).toList();
    }
}
