package io.parley.gateway.ws;

import io.micronaut.websocket.WebSocketSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One open, authenticated socket. {@code lastSeenMs} is written by the socket's event loop and
 * read by the heartbeat sweep, hence volatile.
 */
public final class SocketConnection {
    /** Every socket starts with nothing in flight: one completed future shared by all. */
    private static final CompletableFuture<?> NOTHING_SENT =
            CompletableFuture.completedFuture(null);

    private final long userId;
    private final String tokenId;
    private final String connectionId;
    private final String deviceId;
    private final long connectedAtMs;
    private final WebSocketSession session;
    private final Unconfirmed unconfirmed;
    private final AtomicLong outboundBytes = new AtomicLong();
    /** Set once by {@link #startClosing}: nothing more is written to the socket. */
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long lastSeenMs;
    private CompletableFuture<?> lastSend = NOTHING_SENT;
    private volatile long lastUserTrafficMs;
    /** False until {@code welcome} is written; frames for the socket wait in {@code held}. */
    private volatile boolean welcomed;
    /** Made by the first frame held; null again once {@code welcome} went out. */
    private List<String> held;
    private long heldBytes;
    /** The highest seq pushed to this socket per conversation, to notice a push out of order. */
    private final Map<String, Long> highestPushed = new ConcurrentHashMap<>();
    /**
     * Frames for this socket waiting in its event loop's backlog ({@link LoopWrites}), not yet
     * written to its channel. Read and changed on that loop only, hence a plain int.
     */
    private int waitingOnLoop;

    SocketConnection(long userId, String tokenId, String connectionId, String deviceId,
                     long connectedAtMs, WebSocketSession session, DeliverySettings delivery) {
        this.userId = userId;
        this.tokenId = tokenId;
        this.connectionId = connectionId;
        this.deviceId = deviceId;
        this.connectedAtMs = connectedAtMs;
        this.session = session;
        this.unconfirmed = new Unconfirmed(delivery);
        this.lastSeenMs = connectedAtMs;
        this.lastUserTrafficMs = connectedAtMs;
    }

    public long userId() {
        return userId;
    }

    /** The id of the access token it was opened with: a logout of that token closes it. */
    public String tokenId() {
        return tokenId;
    }

    public String connectionId() {
        return connectionId;
    }

    /** Open and not being closed by this gateway ({@link #startClosing}). */
    public boolean isOpen() {
        return !closing.get() && session.isOpen();
    }

    /**
     * Marks the socket as being closed by this gateway; true for the first caller only, who
     * closes it. From now on it takes no frame and is not re-reported to session, although its
     * channel stays open until its close frame went out or {@link SlowClose} dropped it.
     */
    boolean startClosing() {
        return closing.compareAndSet(false, true);
    }

    boolean closing() {
        return closing.get();
    }

    /** Opened over TLS: addresses given to it are {@code wss}. */
    public boolean secure() {
        return session.isSecure();
    }

    public String deviceId() {
        return deviceId;
    }

    public long connectedAtMs() {
        return connectedAtMs;
    }

    WebSocketSession session() {
        return session;
    }

    Unconfirmed unconfirmed() {
        return unconfirmed;
    }

    /** Bytes written to the socket and not yet flushed, kept by {@link Outbound}. */
    AtomicLong outboundBytes() {
        return outboundBytes;
    }

    /**
     * Notes that a message of {@code conversationId} with {@code seq} goes out for the first
     * time; returns the higher seq of it that went out before (a push out of order, which the
     * ordered path should never produce; counted for {@code /info}), else 0. A message pushed
     * again by a replay in logic counts too: the figure is an upper bound.
     */
    long pushedOutOfOrder(String conversationId, long seq) {
        long[] before = {0};
        highestPushed.compute(conversationId, (k, v) -> {
            before[0] = v == null ? 0 : v;
            return v == null ? seq : Math.max(v, seq);
        });
        return before[0] > seq ? before[0] : 0;
    }

    boolean welcomed() {
        return welcomed;
    }

    /**
     * Keeps a frame written before {@code welcome} (a push can find the socket as soon as
     * presence has it, a moment before the welcome goes out); false when {@code welcome} went
     * out meanwhile (write it now) or the held bytes would pass {@code maxBytes}. Guarded by
     * {@link Outbound}, which calls it holding this connection's lock.
     */
    boolean hold(String text, long bytes, long maxBytes) {
        if (welcomed || heldBytes + bytes > maxBytes) {
            return false;
        }
        if (held == null) {
            held = new ArrayList<>();
        }
        held.add(text);
        heldBytes += bytes;
        return true;
    }

    /**
     * The frames held until {@code welcome}, in order, handed over once. The socket counts as
     * welcomed only after {@link #markWelcomed()}: {@link Outbound} marks it once these are
     * on their way, so a push that checks the flag without the lock cannot overtake them.
     */
    List<String> takeHeld() {
        List<String> out = held == null ? List.of() : held;
        held = null;
        heldBytes = 0;
        return out;
    }

    /** From now on frames go out at once. */
    void markWelcomed() {
        welcomed = true;
    }

    /** On the socket's event loop: frames for it still wait in the loop's backlog. */
    boolean waitingOnLoop() {
        return waitingOnLoop > 0;
    }

    /** On the socket's event loop: a frame for it joined the loop's backlog. */
    void queuedOnLoop() {
        waitingOnLoop++;
    }

    /** On the socket's event loop: its oldest frame in the loop's backlog was written. */
    void leftLoopQueue() {
        waitingOnLoop--;
    }

    long lastSeenMs() {
        return lastSeenMs;
    }

    void seen(long nowMs) {
        lastSeenMs = nowMs;
    }

    /** Runs {@code step} once every step given before it has finished: sends keep their order. */
    synchronized void inOrder(Supplier<CompletableFuture<?>> step) {
        lastSend = lastSend.isDone() ? step.get()
                : lastSend.handle((v, e) -> null).thenCompose(v -> step.get());
    }

    /** When the user last did something (a send, a received or read mark); pings do not count. */
    long lastUserTrafficMs() {
        return lastUserTrafficMs;
    }

    void userTraffic(long nowMs) {
        lastUserTrafficMs = nowMs;
    }
}
