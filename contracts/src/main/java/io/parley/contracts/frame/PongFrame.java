package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;

/** Answer to {@code ping}, with the server's clock in epoch milliseconds. */
@Serdeable
public record PongFrame(long serverTime) implements ServerFrame {
}
