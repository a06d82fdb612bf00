package io.parley.loadlab.ledger;

import java.util.concurrent.ConcurrentHashMap;

/** One {@code send} of a simulated user and everything that happened to it. */
final class Outgoing {
    final String clientMsgId;
    final long senderId;
    final String conversationId;
    final long[] recipients;
    final long intendedAtMs;
    final int step;
    final ConcurrentHashMap<Long, Receipt> receipts = new ConcurrentHashMap<>();
    volatile String messageId;
    volatile long seq = -1;
    volatile long ackAtMs = -1;
    volatile int refusedCode;
    volatile int attempts = 1;

    Outgoing(String clientMsgId, long senderId, String conversationId, long[] recipients,
             long intendedAtMs, int step) {
        this.clientMsgId = clientMsgId;
        this.senderId = senderId;
        this.conversationId = conversationId;
        this.recipients = recipients;
        this.intendedAtMs = intendedAtMs;
        this.step = step;
    }

    boolean acked() {
        return ackAtMs >= 0;
    }

    boolean expects(long recipient) {
        for (long r : recipients) {
            if (r == recipient) {
                return true;
            }
        }
        return false;
    }
}
