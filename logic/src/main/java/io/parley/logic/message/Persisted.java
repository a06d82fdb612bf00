package io.parley.logic.message;

/**
 * The outcome of persisting a send.
 *
 * @param duplicate true when the client had sent this client message id before: the message is
 *                  the one stored then, and nothing new was written
 */
public record Persisted(Message message, boolean duplicate) {
}
