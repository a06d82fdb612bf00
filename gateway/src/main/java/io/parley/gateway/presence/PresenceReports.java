package io.parley.gateway.presence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.ArrayList;
import java.util.List;

/**
 * How this gateway reports its sockets to session.
 *
 * @param chunkSize the periodic re-report of every socket goes as messages of at most this many
 *                  connections, each its own call: one message holding every socket (about
 *                  90 bytes each) would pass gRPC's 4 MiB message limit near 45,000 sockets,
 *                  and would hold up every connect and disconnect queued behind it
 */
@ConfigurationProperties("im.gateway.presence")
public record PresenceReports(@Bindable(defaultValue = "500") int chunkSize) {
    public PresenceReports {
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException("im.gateway.presence.chunk-size must be 1..10000: "
                    + chunkSize);
        }
    }

    /** {@code items} cut into consecutive lists of at most {@link #chunkSize}, in order. */
    <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += chunkSize) {
            out.add(items.subList(from, Math.min(items.size(), from + chunkSize)));
        }
        return out;
    }
}
