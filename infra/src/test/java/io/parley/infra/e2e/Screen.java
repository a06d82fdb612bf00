package io.parley.infra.e2e;

import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.frame.WelcomeFrame;
import io.parley.infra.client.ApiClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What one recipient's screen shows of one conversation: one bubble per seq, ordered by seq,
 * filled as docs/protocol.md ("Catching up after being offline") says a client must: at each
 * {@code welcome} it notes the last seq it holds without a hole, catches up after that seq,
 * and pages in every hole it sees between the seqs it holds.
 */
final class Screen implements Consumer<ServerFrame> {
    /** A catch-up gives up (and fails the test) after this long, or this many pages. */
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);
    static final int MAX_PAGES = 2_000;
    private static final int PAGE = 50;

    private final String conversation;
    private final TreeMap<Long, String> bySeq = new TreeMap<>();
    private long heldAtWelcome = -1;

    Screen(String conversation) {
        this.conversation = conversation;
    }

    @Override
    public synchronized void accept(ServerFrame frame) {
        if (frame instanceof WelcomeFrame) {
            heldAtWelcome = highestContiguous();
        } else if (frame instanceof MessageFrame m && m.conversationId().equals(conversation)) {
            show(m.seq(), m.messageId());
        }
    }

    synchronized void show(long seq, String messageId) {
        String before = bySeq.putIfAbsent(seq, messageId);
        if (before != null && !before.equals(messageId)) {
            throw new AssertionError("two messages with seq " + seq);
        }
    }

    synchronized int size() {
        return bySeq.size();
    }

    synchronized List<Long> seqs() {
        return List.copyOf(bySeq.keySet());
    }

    /** The message ids on screen. */
    synchronized java.util.Set<String> messageIds() {
        return java.util.Set.copyOf(bySeq.values());
    }

    /** The last seq of 1..n held without a hole. */
    synchronized long highestContiguous() {
        long n = 0;
        while (bySeq.containsKey(n + 1)) { // bounded by the map's size
            n++;
        }
        return n;
    }

    /** The seq the last {@code welcome} found held without a hole (-1 before any). */
    synchronized long heldAtWelcome() {
        return heldAtWelcome;
    }

    /**
     * The reconnect procedure: pages after the seq held at the last welcome until the server
     * has no more, then fills every hole left between held seqs. Bounded in time and pages.
     */
    void catchUp(ApiClient api, String token) {
        if (heldAtWelcome() < 0) {
            throw new AssertionError("catch up only after a welcome");
        }
        Budget budget = new Budget();
        pageAfter(api, token, heldAtWelcome(), Long.MAX_VALUE, budget);
        fillGaps(api, token, budget);
    }

    /** Pages in the seqs missing between the ones held (a hole a live push revealed). */
    void fillGaps(ApiClient api, String token) {
        fillGaps(api, token, new Budget());
    }

    private void fillGaps(ApiClient api, String token, Budget budget) {
        for (long[] hole = hole(); hole != null; hole = hole()) {
            long before = size();
            pageAfter(api, token, hole[0] - 1, hole[1], budget);
            if (size() == before) {
                throw new AssertionError("seqs " + hole[0] + ".." + hole[1] + " of "
                        + conversation + " are not on the server");
            }
        }
    }

    /** The first run of missing seqs below the highest held, as {from, to}; null if none. */
    private synchronized long[] hole() {
        long from = highestContiguous() + 1;
        Long next = bySeq.ceilingKey(from);
        return next == null ? null : new long[] {from, next - 1};
    }

    /** Pages forwards after {@code afterSeq} until no more, or past {@code upTo}. */
    @SuppressWarnings("unchecked")
    private void pageAfter(ApiClient api, String token, long afterSeq, long upTo,
                           Budget budget) {
        long cursor = afterSeq;
        boolean more = true;
        while (more && cursor < upTo) {
            budget.spend(conversation);
            ApiClient.Reply page = api.get("/api/conversations/" + conversation
                    + "/messages?limit=" + PAGE + "&afterSeq=" + cursor, token);
            assertEquals(200, page.status(), page::toString);
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.body()
                    .get("items");
            for (Map<String, Object> m : items) {
                long seq = ((Number) m.get("seq")).longValue();
                show(seq, (String) m.get("messageId"));
                cursor = Math.max(cursor, seq);
            }
            more = Boolean.TRUE.equals(page.body().get("hasMore")) && !items.isEmpty();
        }
    }

    /** Every message 1..n on screen, each shown from exactly one message id. */
    synchronized void assertGaplessFrom1To(long n) {
        assertEquals(n, bySeq.size(), "every message on screen once");
        assertEquals(n, highestContiguous(), "in order, no gap");
    }

    /** The deadline and page count of one catch-up. */
    private static final class Budget {
        private final long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        private int pages;

        void spend(String conversation) {
            if (++pages > MAX_PAGES || System.nanoTime() > deadline) {
                throw new AssertionError("catch-up of " + conversation + " did not end within "
                        + CATCH_UP_LIMIT + " / " + MAX_PAGES + " pages");
            }
        }
    }
}
