package io.parley.loadlab.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Delivery between simulated users, as one JVM sees it. Every method is thread-safe and cheap; the
 * whole picture is computed once, by {@link #report()}, at the end of a run.
 * <p>
 * Times are epoch milliseconds. A send's latency runs from its <em>intended</em> time (when the
 * open-model schedule wanted it sent), so a server that makes the generator fall behind shows up
 * in the figures instead of slowing the senders down (no coordinated omission).
 */
public final class Ledger {
    private final long duplicateGraceMs;
    private final boolean sendsExpected;
    private final ConcurrentHashMap<String, Outgoing> sends = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> lastSeqs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicLong> expectedBy = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicLong> receivedBy = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicLong> openSendsOf = new ConcurrentHashMap<>();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final List<String> orderSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong inconsistent = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    /** Rows per client message id in the conversations' history, once audited (-1: not). */
    private final ConcurrentHashMap<String, AtomicLong> storedCopies = new ConcurrentHashMap<>();
    private volatile boolean audited;
    private final Latencies[] retryGaps = {new Latencies(), new Latencies(), new Latencies(),
        new Latencies()};

    /**
     * @param duplicateGraceMs a push of a confirmed message counts as a duplicate only when it
     *                         arrives this long after the confirmation (one already in flight
     *                         when the confirmation left is a redelivery, not a bug)
     * @param sendsExpected    whether a run without a single send fails (every scenario but the
     *                         idle-connections one sends)
     */
    public Ledger(long duplicateGraceMs, boolean sendsExpected) {
        this.duplicateGraceMs = duplicateGraceMs;
        this.sendsExpected = sendsExpected;
    }

    public Ledger(long duplicateGraceMs) {
        this(duplicateGraceMs, true);
    }

    /** A user sent a new message (first attempt) meant for {@code recipients}. */
    public void sent(String clientMsgId, long senderId, String conversationId,
                     Collection<Long> recipients, long intendedAtMs, int step) {
        Outgoing o = new Outgoing(clientMsgId, senderId, conversationId, recipients,
                intendedAtMs, step);
        if (sends.putIfAbsent(clientMsgId, o) != null) {
            throw new IllegalStateException("client message id used twice: " + clientMsgId);
        }
        counter(openSendsOf, senderId).incrementAndGet();
        for (long r : o.recipients) {
            counter(expectedBy, r).incrementAndGet();
        }
    }

    /** The same client message id was sent again (a retry after a timeout). */
    public void resent(String clientMsgId) {
        Outgoing o = sends.get(clientMsgId);
        if (o != null) {
            o.attempts++;
            resent.incrementAndGet();
        }
    }

    public void acked(String clientMsgId, String messageId, long seq, long atMs) {
        Outgoing o = sends.get(clientMsgId);
        if (o == null) {
            return;
        }
        synchronized (o) {
            if (o.acked()) {
                if (!messageId.equals(o.messageId) || seq != o.seq) {
                    inconsistent.incrementAndGet();
                }
                return;
            }
            o.messageId = messageId;
            o.seq = seq;
            o.ackAtMs = atMs;
            if (o.refusedCode == 0) {
                counter(openSendsOf, o.senderId).decrementAndGet();
            }
        }
    }

    public void refused(String clientMsgId, int code) {
        Outgoing o = sends.get(clientMsgId);
        if (o == null) {
            return;
        }
        synchronized (o) {
            if (o.refusedCode == 0 && !o.acked()) {
                counter(openSendsOf, o.senderId).decrementAndGet();
                for (long r : o.recipients) {
                    counter(expectedBy, r).decrementAndGet(); // refused: nothing will come
                }
            }
            o.refusedCode = code;
        }
    }

    /** A {@code message} frame reached {@code recipientId}'s socket at {@code atMs}. */
    public void pushed(long recipientId, String clientMsgId, String messageId,
                       String conversationId, long seq, long atMs) {
        Outgoing o = sends.get(clientMsgId);
        if (o == null) {
            return; // from an earlier run or another client
        }
        int at = o.indexOf(recipientId);
        if (at < 0) {
            unexpected.incrementAndGet();
            return;
        }
        checkConsistent(o, messageId, seq);
        Receipt r = o.receiptFor(at);
        boolean first;
        synchronized (r) {
            first = r.liveArrivals == 0;
            r.liveArrivals++;
            if (first) {
                r.firstLiveAtMs = atMs;
            } else {
                retryGaps[Math.min(r.liveArrivals - 2, retryGaps.length - 1)]
                        .add(atMs - r.lastLiveAtMs);
            }
            r.lastLiveAtMs = atMs;
            if (first && !r.caughtUp) {
                counter(receivedBy, recipientId).incrementAndGet();
            }
            if (!first && r.confirmedAtMs >= 0 && atMs - r.confirmedAtMs > duplicateGraceMs) {
                r.duplicates++;
            }
        }
        if (first) {
            AtomicLong last = lastSeqs.computeIfAbsent(recipientId + "/" + conversationId,
                    k -> new AtomicLong(Long.MIN_VALUE));
            long previous = last.getAndAccumulate(seq, Math::max);
            if (seq <= previous) {
                outOfOrder.incrementAndGet();
                if (orderSamples.size() < 10) {
                    orderSamples.add("user " + recipientId + " " + conversationId + ": seq " + seq
                            + " after " + previous + " (" + clientMsgId + ")");
                }
            }
        }
    }

    /** The recipient told the gateway (with {@code received}) it holds this message. */
    public void confirmed(long recipientId, String clientMsgId, long atMs) {
        Outgoing o = sends.get(clientMsgId);
        Receipt r = o == null ? null : o.receipt(recipientId);
        if (r != null) {
            synchronized (r) {
                if (r.confirmedAtMs < 0) {
                    r.confirmedAtMs = atMs;
                }
            }
        }
    }

    /** The recipient found this message in the conversation's history (catch-up). */
    public void caughtUp(long recipientId, String clientMsgId, String messageId, long seq) {
        Outgoing o = sends.get(clientMsgId);
        int at = o == null ? -1 : o.indexOf(recipientId);
        if (at < 0) {
            return;
        }
        checkConsistent(o, messageId, seq);
        Receipt r = o.receiptFor(at);
        synchronized (r) {
            if (!r.delivered()) {
                counter(receivedBy, recipientId).incrementAndGet();
            }
            r.caughtUp = true;
        }
    }

    /**
     * A row of the conversation's history, read once per conversation after the run (the audit):
     * counts how often each send of this run is stored. Rows of other runs are ignored.
     */
    public void storedRow(String clientMsgId) {
        audited = true;
        if (sends.containsKey(clientMsgId)) {
            storedCopies.computeIfAbsent(clientMsgId, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * What the history audit found, once {@link #storedRow} was called: every send of this run
     * against its rows. An acknowledged send must be stored exactly once; an unanswered one may be
     * stored (its ack was lost) or not (it never got through).
     */
    public HistoryAudit historyAudit() {
        if (!audited) {
            return null;
        }
        long once = 0;
        long twice = 0;
        long ackedMissing = 0;
        long unansweredStored = 0;
        long unansweredMissing = 0;
        List<String> samples = new ArrayList<>();
        for (Outgoing o : sends.values()) {
            AtomicLong c = storedCopies.get(o.clientMsgId);
            long n = c == null ? 0 : c.get();
            if (n == 1) {
                once++;
            } else if (n > 1) {
                twice++;
                if (samples.size() < 10) {
                    samples.add(o.clientMsgId + " stored " + n + " times");
                }
            }
            if (o.acked() && n == 0) {
                ackedMissing++;
                if (samples.size() < 10) {
                    samples.add(o.clientMsgId + " acked, not stored");
                }
            } else if (!o.acked() && o.refusedCode == 0) {
                if (n > 0) {
                    unansweredStored++;
                } else {
                    unansweredMissing++;
                }
            }
        }
        return new HistoryAudit(sends.size(), once, twice, ackedMissing, unansweredStored,
                unansweredMissing, samples);
    }

    /**
     * Nothing left to wait for: everything acknowledged for this user has reached it, and every
     * send of its own has been answered. (A hint for ending a drain early; the report is exact.)
     */
    public boolean settled(long userId) {
        return counter(receivedBy, userId).get() >= counter(expectedBy, userId).get()
                && counter(openSendsOf, userId).get() <= 0;
    }

    /**
     * Time between consecutive pushes of one message to one recipient: index 0 from the first push
     * to the first redelivery, 1 to the second, 2 to the third, 3 any later one.
     */
    public List<Percentiles> retryGaps() {
        List<Percentiles> out = new ArrayList<>();
        for (Latencies l : retryGaps) {
            out.add(l.percentiles());
        }
        return out;
    }

    /**
     * How many (message, recipient) pairs got how many live pushes, for the recipients chosen:
     * key 0 never pushed, 1 pushed once, 2 once redelivered...
     */
    public Map<Integer, Long> pushCounts(java.util.function.LongPredicate recipient) {
        Map<Integer, Long> out = new TreeMap<>();
        for (Outgoing o : sends.values()) {
            if (!o.acked()) {
                continue;
            }
            for (int i = 0; i < o.recipients.length; i++) {
                if (recipient.test(o.recipients[i])) {
                    Receipt held = o.receiptAt(i);
                    int n = held == null ? 0 : held.snapshot().liveArrivals;
                    out.merge(n, 1L, Long::sum);
                }
            }
        }
        return out;
    }

    /**
     * Live deliveries of one step's messages to the chosen recipients: {@code [count, first
     * intended send, last first push]} (epoch ms; zeros when none), for a rate of deliveries while
     * that step's load was on (the group scenario's burst, per gateway).
     */
    public long[] stepDeliveries(int step, java.util.function.LongPredicate recipient) {
        long count = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Outgoing o : sends.values()) {
            if (o.step != step || !o.acked()) {
                continue;
            }
            first = Math.min(first, o.intendedAtMs);
            for (int i = 0; i < o.recipients.length; i++) {
                Receipt held = o.receiptAt(i);
                if (held != null && recipient.test(o.recipients[i])) {
                    Receipt r = held.snapshot();
                    if (r.liveArrivals > 0) {
                        count++;
                        last = Math.max(last, r.firstLiveAtMs);
                    }
                }
            }
        }
        return count == 0 ? new long[] {0, 0, 0} : new long[] {count, first, last};
    }

    /** Acknowledged sends of the chosen senders (what the server stored for them). */
    public long ackedFrom(java.util.function.LongPredicate sender) {
        return sends.values().stream().filter(o -> o.acked() && sender.test(o.senderId)).count();
    }

    public long sentCount() {
        return sends.size();
    }

    /**
     * The intended times (epoch ms) of the first and the last send, {@code [0, 0]} when nothing
     * was sent: the window a CPU-per-message reading (loadlab/scripts/cpu.sh) is taken over,
     * leaving out the set-up before it.
     */
    public long[] sendWindow() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Outgoing o : sends.values()) {
            first = Math.min(first, o.intendedAtMs);
            last = Math.max(last, o.intendedAtMs);
        }
        return sends.isEmpty() ? new long[] {0, 0} : new long[] {first, last};
    }

    private void checkConsistent(Outgoing o, String messageId, long seq) {
        if (o.acked() && (!o.messageId.equals(messageId) || o.seq != seq)) {
            inconsistent.incrementAndGet();
        }
    }

    private static AtomicLong counter(ConcurrentHashMap<Long, AtomicLong> map, long key) {
        return map.computeIfAbsent(key, k -> new AtomicLong());
    }

    /** Recipients still missing an acknowledged message (for a final catch-up). */
    public java.util.Set<Long> missingRecipients() {
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (Outgoing o : sends.values()) {
            if (!o.acked()) {
                continue;
            }
            for (int i = 0; i < o.recipients.length; i++) {
                Receipt held = o.receiptAt(i);
                if (held == null || !held.snapshot().delivered()) {
                    out.add(o.recipients[i]);
                }
            }
        }
        return out;
    }

    /** Every count and percentile of the run so far, and why it fails, if it does. */
    public LedgerReport report() {
        Map<Integer, Long> refused = new TreeMap<>();
        Latencies latency = new Latencies();
        Latencies ackLatency = new Latencies();
        Latencies fanOut = new Latencies();
        Map<Integer, long[]> stepCounts = new TreeMap<>(); // sent, acked, lost, unanswered
        Map<Integer, Latencies> stepLatency = new TreeMap<>();
        Map<Integer, Latencies> stepFanOut = new TreeMap<>();
        List<String> lostSamples = new ArrayList<>();
        List<String> unansweredSamples = new ArrayList<>();
        Map<Long, Long> unansweredBySender = new TreeMap<>();
        long firstUnansweredAt = Long.MAX_VALUE;
        long lastUnansweredAt = Long.MIN_VALUE;
        long acked = 0;
        long unanswered = 0;
        long expected = 0;
        long delivered = 0;
        long live = 0;
        long caughtUp = 0;
        long lost = 0;
        long duplicated = 0;
        long redelivered = 0;
        for (Outgoing o : sends.values()) {
            long[] sc = stepCounts.computeIfAbsent(o.step, k -> new long[4]);
            Latencies sl = stepLatency.computeIfAbsent(o.step, k -> new Latencies());
            sc[0]++;
            if (o.acked()) {
                acked++;
                sc[1]++;
                ackLatency.add(o.ackAtMs - o.intendedAtMs);
            } else if (o.refusedCode != 0) {
                refused.merge(o.refusedCode, 1L, Long::sum);
            } else {
                unanswered++;
                sc[3]++;
                unansweredBySender.merge(o.senderId, 1L, Long::sum);
                firstUnansweredAt = Math.min(firstUnansweredAt, o.intendedAtMs);
                lastUnansweredAt = Math.max(lastUnansweredAt, o.intendedAtMs);
                if (unansweredSamples.size() < 10) {
                    unansweredSamples.add(o.clientMsgId + " (sender " + o.senderId + ", "
                            + o.attempts + (o.attempts == 1 ? " attempt)" : " attempts)"));
                }
            }
            long lastLive = -1;
            for (int i = 0; i < o.recipients.length; i++) {
                long recipient = o.recipients[i];
                Receipt held = o.receiptAt(i);
                Receipt r = held == null ? null : held.snapshot();
                if (o.acked()) {
                    expected++;
                }
                if (r == null || !r.delivered()) {
                    if (o.acked()) {
                        lost++;
                        sc[2]++;
                        if (lostSamples.size() < 10) {
                            lostSamples.add(o.clientMsgId + "->" + recipient);
                        }
                    }
                    continue;
                }
                delivered++;
                if (r.liveArrivals > 0) {
                    live++;
                    long ms = r.firstLiveAtMs - o.intendedAtMs;
                    latency.add(ms);
                    sl.add(ms);
                    lastLive = Math.max(lastLive, r.firstLiveAtMs);
                    duplicated += r.duplicates;
                    redelivered += r.liveArrivals - 1 - r.duplicates;
                } else {
                    caughtUp++;
                }
            }
            if (o.recipients.length > 1 && lastLive >= 0) {
                fanOut.add(lastLive - o.intendedAtMs);
                stepFanOut.computeIfAbsent(o.step, k -> new Latencies())
                        .add(lastLive - o.intendedAtMs);
            }
        }
        List<StepReport> steps = new ArrayList<>();
        stepCounts.forEach((step, c) -> steps.add(new StepReport(step, c[0], c[1], c[2], c[3],
                stepLatency.get(step).percentiles(),
                stepFanOut.getOrDefault(step, new Latencies()).percentiles())));
        List<String> failures = new ArrayList<>();
        if (sends.isEmpty() && sendsExpected) {
            failures.add("nothing was sent");
        }
        if (lost > 0) {
            failures.add(lost + " acknowledged deliveries lost, e.g. " + lostSamples);
        }
        if (outOfOrder.get() > 0) {
            failures.add(outOfOrder.get() + " pushes out of seq order, e.g. " + orderSamples);
        }
        if (inconsistent.get() > 0) {
            failures.add(inconsistent.get() + " frames name another message id or seq for a send"
                    + " already stored: a second copy was stored");
        }
        if (unanswered > 0) {
            failures.add(unanswered + " sends never answered (no ack, no error), from "
                    + unansweredBySender.size() + " senders (most: "
                    + mostUnanswered(unansweredBySender) + "), intended between "
                    + Instant.ofEpochMilli(firstUnansweredAt) + " and "
                    + Instant.ofEpochMilli(lastUnansweredAt) + ", e.g. "
                    + unansweredSamples);
        }
        HistoryAudit audit = historyAudit();
        if (audit != null && (audit.storedTwice() > 0 || audit.ackedNotStored() > 0)) {
            failures.add("history audit: " + audit.storedTwice() + " sends stored more than once, "
                    + audit.ackedNotStored() + " acknowledged but not stored, e.g. "
                    + audit.samples());
        }
        return new LedgerReport(sends.size(), resent.get(), acked, refused, unanswered, expected,
                delivered, live, caughtUp, lost, duplicated, redelivered, outOfOrder.get(),
                inconsistent.get(), unexpected.get(), latency.percentiles(),
                ackLatency.percentiles(), fanOut.percentiles(), steps, lostSamples, failures);
    }

    /** The five senders with the most unanswered sends, as "sender×count". */
    private static String mostUnanswered(Map<Long, Long> bySender) {
        return bySender.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed())
                .limit(5)
                .map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
