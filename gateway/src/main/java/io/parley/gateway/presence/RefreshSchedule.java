package io.parley.gateway.presence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * When this gateway re-reports its open sockets to session ({@link PresenceRefresh}).
 *
 * @param presenceRefresh {@code im.gateway.presence-refresh}: the time between two re-reports,
 *                        and from the server's start to the first one. Keep it at most a third
 *                        of session's {@code im.session.presence.ttl}: a socket's entry then
 *                        outlives one late or lost re-report; at or above the TTL every socket
 *                        lapses from presence between re-reports and misses its live pushes
 */
@ConfigurationProperties("im.gateway")
public record RefreshSchedule(@Bindable(defaultValue = "10s") Duration presenceRefresh) {
    public RefreshSchedule {
        if (presenceRefresh == null || presenceRefresh.isNegative() || presenceRefresh.isZero()) {
            throw new IllegalArgumentException("im.gateway.presence-refresh must be positive: "
                    + presenceRefresh);
        }
    }

    /**
     * From start to the first re-report: one interval, as between any two. Not more (a fixed
     * 10 s before this, whatever the interval: with the test cluster's 2 s interval and 6 s TTL
     * every socket opened in a gateway's first seconds lapsed from presence for a few seconds
     * and missed its pushes, issue #12), and not less (a socket's connect report lasts a TTL).
     */
    Duration firstAfter() {
        return presenceRefresh;
    }

    Duration interval() {
        return presenceRefresh;
    }
}
