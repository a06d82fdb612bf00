package io.parley.loadlab.ledger;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One {@code send} of a simulated user and everything that happened to it. The recipients are a
 * sorted array and each one's {@link Receipt} sits at the same index, so a push to one of 10,000
 * group members is found by binary search, not by scanning the member list (which made a
 * 10,000-member run quadratic), and a message costs an array slot per recipient, not a map entry.
 */
final class Outgoing {
    final String clientMsgId;
    final long senderId;
    final String conversationId;
    final long[] recipients;
    final long intendedAtMs;
    final int step;
    private final AtomicReferenceArray<Receipt> receipts;
    volatile String messageId;
    volatile long seq = -1;
    volatile long ackAtMs = -1;
    volatile int refusedCode;
    volatile int attempts = 1;

    Outgoing(String clientMsgId, long senderId, String conversationId,
             Collection<Long> recipients, long intendedAtMs, int step) {
        this.clientMsgId = clientMsgId;
        this.senderId = senderId;
        this.conversationId = conversationId;
        this.recipients = recipients.stream().mapToLong(Long::longValue).sorted().distinct()
                .toArray();
        this.receipts = new AtomicReferenceArray<>(this.recipients.length);
        this.intendedAtMs = intendedAtMs;
        this.step = step;
    }

    boolean acked() {
        return ackAtMs >= 0;
    }

    /** The recipient's position, negative when the message is not meant for it. */
    int indexOf(long recipient) {
        return Arrays.binarySearch(recipients, recipient);
    }

    /** The receipt at a recipient's position, null until something arrived. */
    Receipt receiptAt(int index) {
        return receipts.get(index);
    }

    /** The receipt of an expected recipient, null when none (or not expected). */
    Receipt receipt(long recipient) {
        int at = indexOf(recipient);
        return at < 0 ? null : receipts.get(at);
    }

    /** The receipt at a recipient's position, created on first use. */
    Receipt receiptFor(int index) {
        Receipt r = receipts.get(index);
        if (r == null) {
            Receipt fresh = new Receipt();
            r = receipts.compareAndExchange(index, null, fresh);
            if (r == null) {
                r = fresh;
            }
        }
        return r;
    }
}
