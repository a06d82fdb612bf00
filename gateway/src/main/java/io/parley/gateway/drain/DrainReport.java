package io.parley.gateway.drain;

/**
 * What a drain did, logged at its end.
 *
 * @param told          sockets sent a {@code reconnect} frame
 * @param suggested     the gateway they were sent to, or null (none live: they ask
 *                      {@code GET /api/gateway})
 * @param left          of those, how many had left by themselves within the grace period
 * @param closed        sockets closed with 4411 at its end
 * @param tookMs        from the start of the drain until the last socket was gone
 */
public record DrainReport(int told, String suggested, int left, int closed, long tookMs) {
}
