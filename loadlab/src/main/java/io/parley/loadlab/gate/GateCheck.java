package io.parley.loadlab.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.loadlab.run.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Judges a gate run folder (one {@code <scenario>/summary.json} per scenario) against a baseline:
 * <pre>
 * {"latencyFactor": 3.0, "latencySlackMs": 250, "throughputFactor": 0.33,
 *  "scenarios": {"chat": {"upper": {"/ledger/latency/p99": 300}, "lower": {}}, ...}}
 * </pre>
 * A figure under {@code upper} (a latency, JSON pointer into the summary) fails when above
 * {@code baseline x latencyFactor + latencySlackMs}; one under {@code lower} (a rate) when below
 * {@code baseline x throughputFactor}. Correctness is not compared but required: a summary that did
 * not pass fails the gate, whatever its speed.
 * <p>
 * {@code GateCheck <runDir> <baseline.json>} prints one line per check and exits 1 on a failure;
 * {@code GateCheck <runDir> <baseline.json> --write} stores the run's figures as the new baseline
 * (keeping the factors).
 */
public final class GateCheck {
    /** What the baseline tracks by default for each scenario (latencies up, rates down). */
    static final Map<String, List<String>> UPPER = Map.of(
            "chat", List.of("/ledger/latency/p50", "/ledger/latency/p99", "/ledger/ackLatency/p99"),
            "ratelimit", List.of("/ledger/steps/0/latency/p99"),
            "ackretry", List.of("/ledger/latency/p99"),
            "group", List.of("/ledger/fanOut/p99"));
    static final Map<String, List<String>> LOWER = Map.of(
            "group", List.of("/figures/deliveriesPerSecond"));

    private GateCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GateCheck <runDir> <baseline.json> [--write]");
            System.exit(2);
        }
        Path runDir = Path.of(args[0]);
        Path baseline = Path.of(args[1]);
        if (args.length > 2 && args[2].equals("--write")) {
            write(runDir, baseline);
            System.out.println("gate: baseline written to " + baseline);
            return;
        }
        List<String> failures = check(runDir, RunSummary.JSON.readTree(baseline.toFile()),
                System.out::println);
        if (failures.isEmpty()) {
            System.out.println("gate: PASSED");
        } else {
            System.out.println("gate: FAILED");
            failures.forEach(f -> System.out.println("  - " + f));
            System.exit(1);
        }
    }

    /** Every failure of the run against the baseline; each check is also reported to {@code log}. */
    public static List<String> check(Path runDir, JsonNode baseline,
                                     java.util.function.Consumer<String> log) {
        List<String> failures = new ArrayList<>();
        double latencyFactor = baseline.path("latencyFactor").asDouble(3.0);
        double slack = baseline.path("latencySlackMs").asDouble(250);
        double throughputFactor = baseline.path("throughputFactor").asDouble(0.33);
        Iterator<Map.Entry<String, JsonNode>> scenarios = baseline.path("scenarios").fields();
        while (scenarios.hasNext()) {
            Map.Entry<String, JsonNode> e = scenarios.next();
            String name = e.getKey();
            JsonNode summary = read(runDir.resolve(name).resolve("summary.json"));
            if (summary == null) {
                failures.add(name + ": no summary.json (the scenario did not finish)");
                continue;
            }
            if (!summary.path("passed").asBoolean(false)) {
                failures.add(name + ": correctness: " + summary.path("failures"));
            } else {
                log.accept(String.format("gate %-10s correctness ok (sent %d)",
                        name, summary.path("ledger").path("sent").asLong()));
            }
            Iterator<Map.Entry<String, JsonNode>> upper = e.getValue().path("upper").fields();
            while (upper.hasNext()) {
                Map.Entry<String, JsonNode> u = upper.next();
                double limit = u.getValue().asDouble() * latencyFactor + slack;
                double got = summary.at(u.getKey()).asDouble(Double.NaN);
                boolean ok = got <= limit; // NaN (missing) fails
                log.accept(String.format("gate %-10s %-32s %8.0f <= %8.0f  %s", name, u.getKey(),
                        got, limit, ok ? "ok" : "SLOWER"));
                if (!ok) {
                    failures.add(String.format("%s: %s = %.0f, over %.0f (baseline %.0f x %.1f + %.0f)",
                            name, u.getKey(), got, limit, u.getValue().asDouble(), latencyFactor, slack));
                }
            }
            Iterator<Map.Entry<String, JsonNode>> lower = e.getValue().path("lower").fields();
            while (lower.hasNext()) {
                Map.Entry<String, JsonNode> l = lower.next();
                double floor = l.getValue().asDouble() * throughputFactor;
                double got = summary.at(l.getKey()).asDouble(Double.NaN);
                boolean ok = got >= floor;
                log.accept(String.format("gate %-10s %-32s %8.1f >= %8.1f  %s", name, l.getKey(),
                        got, floor, ok ? "ok" : "LOWER"));
                if (!ok) {
                    failures.add(String.format("%s: %s = %.1f, under %.1f (baseline %.1f x %.2f)",
                            name, l.getKey(), got, floor, l.getValue().asDouble(), throughputFactor));
                }
            }
        }
        return failures;
    }

    /** The run's figures as the new baseline; the factors of an existing baseline are kept. */
    static void write(Path runDir, Path baselineFile) throws IOException {
        ObjectNode out = RunSummary.JSON.createObjectNode();
        JsonNode old = Files.exists(baselineFile) ? RunSummary.JSON.readTree(baselineFile.toFile())
                : RunSummary.JSON.createObjectNode();
        out.put("how", old.path("how").asText("see docs/performance.md, CI gate"));
        out.put("latencyFactor", old.path("latencyFactor").asDouble(3.0));
        out.put("latencySlackMs", old.path("latencySlackMs").asDouble(250));
        out.put("throughputFactor", old.path("throughputFactor").asDouble(0.33));
        out.put("measuredFrom", runDir.getFileName().toString());
        ObjectNode scenarios = out.putObject("scenarios");
        for (String name : List.of("chat", "ratelimit", "ackretry", "group")) {
            JsonNode summary = read(runDir.resolve(name).resolve("summary.json"));
            if (summary == null) {
                throw new IllegalStateException("no summary for " + name + " in " + runDir);
            }
            if (!summary.path("passed").asBoolean(false)) {
                throw new IllegalStateException(name + " did not pass; a baseline must come "
                        + "from a passing run: " + summary.path("failures"));
            }
            ObjectNode s = scenarios.putObject(name);
            ObjectNode up = s.putObject("upper");
            UPPER.getOrDefault(name, List.of()).forEach(ptr -> up.put(ptr, summary.at(ptr).asLong()));
            ObjectNode low = s.putObject("lower");
            LOWER.getOrDefault(name, List.of()).forEach(ptr -> low.put(ptr, summary.at(ptr).asDouble()));
        }
        RunSummary.JSON.writeValue(baselineFile.toFile(), out);
    }

    private static JsonNode read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return RunSummary.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
