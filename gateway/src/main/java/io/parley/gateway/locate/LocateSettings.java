package io.parley.gateway.locate;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * How browsers are told where to connect.
 *
 * @param publicUrl when set ({@code wss://chat.example.com/ws}), {@code GET /api/gateway} names
 *                  this address instead of a gateway's own: every gateway sits behind one load
 *                  balancer (a Kubernetes Ingress) and browsers cannot reach the pods themselves
 */
@ConfigurationProperties("im.gateway.locate")
public record LocateSettings(@Nullable String publicUrl) {
    public LocateSettings {
        if (publicUrl != null && publicUrl.isBlank()) {
            publicUrl = null; // an empty environment variable: not set
        }
        if (publicUrl != null && !publicUrl.matches("wss?://[^\\s?#]+")) {
            throw new IllegalArgumentException("im.gateway.locate.public-url must be a ws:// or "
                    + "wss:// address without query, was " + publicUrl);
        }
    }
}
