package io.parley.loadlab.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.parley.loadlab.ledger.LedgerReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run did and whether it passed.
 *
 * @param scenario  the scenario's name (chat, ratelimit, ackretry, group, breaker, storm)
 * @param startedAt ISO-8601 UTC time the load started
 * @param seconds   wall time from set-up to the end of the last virtual user
 * @param params    every parameter the run read, with the value it used
 * @param ledger    the delivery ledger's report
 * @param figures   the scenario's own figures (deliveries per second, ladder steps, ...)
 * @param failures  every correctness failure: the ledger's and the scenario's own
 */
public record RunSummary(String scenario, String startedAt, double seconds,
                         Map<String, String> params, LedgerReport ledger,
                         Map<String, Object> figures, List<String> failures) {
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @JsonProperty("passed")
    public boolean passed() {
        return failures.isEmpty();
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
