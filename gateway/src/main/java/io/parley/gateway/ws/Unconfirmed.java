package io.parley.gateway.ws;

import io.parley.contracts.frame.MessageFrame;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages pushed to one socket that its client has not confirmed with a {@code received}
 * frame yet, in push order. Bounded: past {@code maxPending} the oldest are forgotten (the
 * client will find them in history). It also remembers the last {@code remembered} message ids
 * the client confirmed, so that a message pushed again is written once per socket. Dropped with
 * the socket. Guarded by this. Both maps are made at the first push and the first confirmation:
 * most sockets sit idle, and an idle socket keeps no map (issue #10).
 */
final class Unconfirmed {
    private Map<String, Entry> byMessageId = Map.of();
    private Map<String, Boolean> confirmed = Map.of();
    private final DeliverySettings settings;
    private long pushes;

    Unconfirmed(DeliverySettings settings) {
        this.settings = settings;
    }

    private static final class Entry {
        final MessageFrame frame;
        /** When it was last written to the socket, in push order (redeliveries move it on). */
        long pushOrder;
        int attempts;
        long dueMs;

        Entry(MessageFrame frame, long pushOrder, long dueMs) {
            this.frame = frame;
            this.pushOrder = pushOrder;
            this.dueMs = dueMs;
        }
    }

    /**
     * A message is to be written to the socket: kept until confirmed. Returns false, and keeps
     * nothing new, when the socket already has it pending (its redelivery is scheduled) or its
     * client confirmed it lately: the caller does not write it again.
     */
    synchronized boolean pushed(MessageFrame frame, long nowMs) {
        if (byMessageId.containsKey(frame.messageId())
                || confirmed.containsKey(frame.messageId())) {
            return false;
        }
        if (byMessageId.isEmpty()) {
            byMessageId = new LinkedHashMap<>();
        }
        byMessageId.put(frame.messageId(),
                new Entry(frame, ++pushes, nowMs + settings.firstRetry().toMillis()));
        Iterator<Entry> oldest = byMessageId.values().iterator();
        while (byMessageId.size() > settings.maxPending() && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /**
     * The client holds the conversation's message {@code seq} and, cumulatively, the ones up to it
     * that this socket wrote before it (one socket delivers in order). A lower seq written after
     * it (pushed late, or pushed again) is not confirmed by it: the client may never have had it.
     * A confirmation of a seq not pending here confirms only that seq. A large group's
     * {@code received} finds nothing here (room pushes are not kept): it costs a look at an
     * empty map, and nothing is remembered.
     */
    synchronized void received(String conversationId, long seq) {
        if (byMessageId.isEmpty()) {
            return;
        }
        long upTo = byMessageId.values().stream()
                .filter(e -> e.frame.conversationId().equals(conversationId)
                        && e.frame.seq() == seq)
                .mapToLong(e -> e.pushOrder).max().orElse(0);
        Iterator<Entry> it = byMessageId.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.frame.conversationId().equals(conversationId)
                    && (e.frame.seq() == seq || e.frame.seq() < seq && e.pushOrder <= upTo)) {
                it.remove();
                if (settings.remembered() > 0) {
                    remember(e.frame.messageId());
                }
            }
        }
    }

    private void remember(String messageId) {
        if (confirmed.isEmpty()) {
            int remembered = settings.remembered();
            confirmed = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > remembered;
                }
            };
        }
        confirmed.put(messageId, Boolean.TRUE);
    }

    /**
     * The messages due for another push now, with their next due time moved back
     * exponentially; messages out of attempts are forgotten.
     */
    synchronized List<MessageFrame> due(long nowMs) {
        List<MessageFrame> out = new ArrayList<>();
        Iterator<Entry> it = byMessageId.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.dueMs > nowMs) {
                continue;
            }
            if (e.attempts >= settings.maxAttempts()) {
                it.remove();
                continue;
            }
            e.attempts++;
            e.pushOrder = ++pushes;
            e.dueMs = nowMs + (settings.firstRetry().toMillis() << e.attempts);
            out.add(e.frame);
        }
        return out;
    }

    /**
     * The socket's earlier writes have not reached the network yet (its event loop or the
     * socket is behind): its client cannot have confirmed what is still queued, so nothing is due
     * before {@code firstRetry} from now and no attempt is spent. In a large group's burst the
     * gateway's own backlog otherwise turned every queued message into up to three more writes
     * per socket (issue #12: 348,107 redeliveries for 759,924 deliveries).
     */
    synchronized void postpone(long nowMs) {
        long earliest = nowMs + settings.firstRetry().toMillis();
        for (Entry e : byMessageId.values()) {
            e.dueMs = Math.max(e.dueMs, earliest);
        }
    }

    synchronized int size() {
        return byMessageId.size();
    }
}
