package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;

/** First frame on a new socket: who the server thinks you are, and how often to ping. */
@Serdeable
public record WelcomeFrame(long userId, String gatewayId, String connectionId,
                           int heartbeatSeconds) implements ServerFrame {
}
