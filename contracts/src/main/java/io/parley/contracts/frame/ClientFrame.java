package io.parley.contracts.frame;

/**
 * A frame a browser sends over the WebSocket. Each is a JSON object whose {@code type} names the
 * record; see docs/protocol.md. Sealed, so a {@code switch} over kinds is checked by the compiler.
 */
public sealed interface ClientFrame permits SendFrame, PingFrame, ReceivedFrame,
        TypingFrame {
}
