package io.parley.logic.conversation;

/** A sender's read cursor after their own messages of a batch: their highest seq. */
public record SentUpTo(String conversationId, long userId, long seq) {
}
