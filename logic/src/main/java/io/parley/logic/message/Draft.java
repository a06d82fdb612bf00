package io.parley.logic.message;

/** A message about to be written, before it has an id and seq. */
record Draft(String conversationId, long senderId, Long recipientId, String clientMsgId,
             String text) {
    ClientKey key() {
        return new ClientKey(senderId, clientMsgId);
    }
}
