package io.parley.logic.message;

/** The idempotency key of a send, unique in {@code messages} (uk_messages_sender_client). */
record ClientKey(long senderId, String clientMsgId) {
}
