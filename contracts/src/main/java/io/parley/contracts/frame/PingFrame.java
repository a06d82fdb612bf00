package io.parley.contracts.frame;

/** {@code {"type":"ping"}}: the client's heartbeat; answered with a {@code pong}. */
public record PingFrame() implements ClientFrame {
}
