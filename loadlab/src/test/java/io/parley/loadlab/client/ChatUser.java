package io.parley.loadlab.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.http.action.ws.WsInboundMessage;
import io.parley.loadlab.ledger.Ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One virtual user's client state, as the web client keeps it: what it sent and when it meant to,
 * the highest seq it holds per conversation, the {@code received} confirmations it owes, its
 * heartbeat. It reads every frame Gatling collected since the last look, tells the ledger, and
 * says which frames to write next. Used by one virtual user at a time (Gatling runs a user's
 * actions one after another), so it needs no locks; the ledger is shared.
 */
public final class ChatUser {
    /** How often a client looks at its frames and confirms: the web client's 200 ms. */
    public static final long DEFAULT_TICK_MS = 200;

    private final SimUser me;
    private final Ledger ledger;
    private final SendSchedule schedule;
    private final String runTag;
    private final long drainUntilMs;
    private final boolean confirms;
    private final long resendAfterMs;
    private final long tickMs;
    private final Map<String, Long> toConfirm = new LinkedHashMap<>();
    private final List<String> confirmIds = new ArrayList<>();
    private final Map<String, Long> unacked = new HashMap<>(); // clientMsgId -> last attempt
    private final Map<String, Long> held = new HashMap<>();
    /** Large groups (sync's {@code largeGroups}): their pushes are not confirmed. */
    private java.util.Set<String> largeGroups = java.util.Set.of();
    /** A large group's hole: the seq held before it, to page history after; -1 for none. */
    private long gapAfter = -1;
    private final long sendUntilMs;
    private long nextSendMs;
    private long nextConfirmMs;
    private long nextPingMs;
    private long heartbeatMs = 20_000;
    private volatile boolean welcomed;
    private int counter;
    private long errors;
    private long pushes;
    private int stepOffset;
    private long lingerMs;
    /** Where the socket and HTTP calls go now: the set-up's gateway until a drain moves it. */
    private java.net.URI gateway;
    /** A draining gateway's {@code reconnect}: where to, and when it was read (0: none). */
    private java.net.URI moveTo;
    private long moveWithinMs;
    private volatile long firstWelcomeMs;
    private volatile long toldToMoveMs;
    private volatile long movedMs;
    private volatile boolean resendAllNow;
    /** Every gateway of the run: where a client whose socket was lost goes next. */
    private List<java.net.URI> gateways = List.of();
    private int socketsLost;
    private volatile long lastFrameMs;

    /**
     * @param confirms      whether it sends {@code received} (false: the ACK-retry scenario's
     *                      withholding users)
     * @param resendAfterMs resend an unacknowledged send with the same client message id after
     *                      this long (0: never)
     * @param tickMs        how often it looks at its frames and confirms (the web client: 200 ms,
     *                      {@code -DtickMs}): ten thousand virtual users at 200 ms are 50,000
     *                      Gatling loop turns a second, more than the generator's share of two
     *                      cores
     */
    public ChatUser(SimUser me, Ledger ledger, SendSchedule schedule, String runTag,
                    long drainUntilMs, boolean confirms, long resendAfterMs, double phase,
                    long tickMs) {
        this.me = me;
        this.ledger = ledger;
        this.schedule = schedule;
        this.runTag = runTag;
        this.drainUntilMs = drainUntilMs;
        this.confirms = confirms;
        this.resendAfterMs = resendAfterMs;
        this.tickMs = tickMs;
        this.nextSendMs = schedule.first(phase);
        this.sendUntilMs = schedule.endMs();
        this.gateway = me.gateway();
    }

    /** The gateway this client uses now (http form). */
    public java.net.URI gateway() {
        return gateway;
    }

    /** True from a {@code reconnect} frame until the move is done. */
    public boolean moving() {
        return moveTo != null;
    }

    /** The web client's random pause before leaving a draining gateway, in [0, withinMs). */
    public Duration movePause() {
        return Duration.ofMillis((long) (Math.random() * moveWithinMs));
    }

    /** The run's gateways, for {@link #socketLost()}. Returns this client. */
    public ChatUser gateways(List<java.net.URI> all) {
        this.gateways = List.copyOf(all);
        return this;
    }

    /**
     * The socket closed without a {@code reconnect} frame (its gateway crashed, or closed it): as
     * the web client does, move to another gateway after a short random back-off, catch up and
     * resend what was not acknowledged. With one gateway it connects to the same one again.
     */
    public void socketLost() {
        if (moveTo != null) {
            return;
        }
        socketsLost++;
        int at = gateways.indexOf(gateway);
        moveTo = gateways.isEmpty() ? gateway : gateways.get((at + 1) % gateways.size());
        moveWithinMs = 1_000;
    }

    /** How many times this client's socket was lost (not counting drains' reconnects). */
    public int socketsLost() {
        return socketsLost;
    }

    /** Switches to the gateway the drain named; called right before connecting there. */
    public void switchGateway() {
        if (moveTo != null) {
            gateway = moveTo;
        }
    }

    /** The move's socket is welcomed and caught up: unacked sends go again (same ids). */
    public void moved() {
        moveTo = null;
        movedMs = System.currentTimeMillis();
        resendAllNow = true;
    }

    public long firstWelcomeMs() {
        return firstWelcomeMs;
    }

    public long toldToMoveMs() {
        return toldToMoveMs;
    }

    public long movedMs() {
        return movedMs;
    }

    /**
     * Files this client's sends under a later step of the ledger, so a class of users (flooders)
     * is reported apart. Returns this client.
     */
    public ChatUser stepOffset(int offset) {
        this.stepOffset = offset;
        return this;
    }

    /** Keeps the socket this long after the last send even when nothing is outstanding. */
    public ChatUser linger(long ms) {
        this.lingerMs = ms;
        return this;
    }

    public SimUser sim() {
        return me;
    }

    /** Still sending, or draining with something outstanding. */
    public boolean active() {
        long now = System.currentTimeMillis();
        if (now < sendUntilMs + lingerMs) {
            return true;
        }
        return now < drainUntilMs && !(ledger.settled(me.userId()) && toConfirm.isEmpty());
    }

    public void welcomed(int heartbeatSeconds) {
        welcomed = true;
        if (firstWelcomeMs == 0) {
            firstWelcomeMs = System.currentTimeMillis();
        }
        heartbeatMs = heartbeatSeconds * 1000L;
        nextPingMs = System.currentTimeMillis() + heartbeatMs;
    }

    /** Every frame received since the last call. */
    public void onFrames(List<WsInboundMessage> frames) {
        for (WsInboundMessage m : frames) {
            lastFrameMs = Math.max(lastFrameMs, m.timestamp());
            if (m instanceof WsInboundMessage.Text text) {
                onFrame(text.message(), m.timestamp());
            }
        }
    }

    private void onFrame(String text, long atMs) {
        JsonNode f;
        try {
            f = Api.JSON.readTree(text);
        } catch (java.io.IOException e) {
            errors++;
            return;
        }
        switch (f.path("type").asText()) {
            case "ack" -> {
                String id = f.path("clientMsgId").asText();
                unacked.remove(id);
                ledger.acked(id, f.path("messageId").asText(), f.path("seq").asLong(), atMs);
            }
            case "error" -> {
                String id = f.path("clientMsgId").asText(null);
                if (id != null) {
                    unacked.remove(id);
                    ledger.refused(id, f.path("code").asInt());
                } else {
                    errors++;
                }
            }
            case "message" -> {
                String cid = f.path("conversationId").asText();
                long seq = f.path("seq").asLong();
                String clientMsgId = f.path("clientMsgId").asText();
                ledger.pushed(me.userId(), clientMsgId, f.path("messageId").asText(), cid, seq,
                        atMs);
                boolean large = largeGroups.contains(cid);
                long before = held.getOrDefault(cid, cid.equals(me.conversationId())
                        ? me.baselineSeq() : seq - 1);
                if (large && seq > before + 1 && gapAfter < 0) {
                    // no redelivery fills a large group's hole: page the history after it
                    gapAfter = before;
                }
                held.merge(cid, seq, Math::max);
                pushes++;
                if (confirms && !large) {
                    toConfirm.merge(cid, seq, Math::max);
                    confirmIds.add(clientMsgId);
                }
            }
            case "reconnect" -> {
                String url = f.path("url").asText(null);
                toldToMoveMs = atMs;
                moveWithinMs = f.path("withinMs").asLong(0);
                // no live gateway named: the web client would ask GET /api/gateway; here the
                // set-up's gateway is the best guess (the drain scenario always names one)
                moveTo = url == null ? gateway : java.net.URI.create(url.replaceFirst("^ws", "http")
                        .replaceFirst("/ws$", ""));
            }
            default -> {
                // welcome, pong, read, presence: nothing for the ledger
            }
        }
    }

    /** The frames to write now: due sends (each with its intended time), confirmations, a ping. */
    public List<String> due() {
        long now = System.currentTimeMillis();
        List<String> out = new ArrayList<>();
        while (nextSendMs <= now && nextSendMs < schedule.endMs()) {
            String id = runTag + "-" + me.index() + "-" + (++counter);
            ledger.sent(id, me.userId(), me.conversationId(), me.recipients(), nextSendMs,
                    schedule.stepAt(nextSendMs) + stepOffset);
            unacked.put(id, now);
            out.add(me.sendFrame(id, "loadlab " + id));
            nextSendMs = schedule.next(nextSendMs);
        }
        boolean all = resendAllNow;
        resendAllNow = false;
        if (resendAfterMs > 0 || all) {
            for (Map.Entry<String, Long> e : unacked.entrySet()) {
                if (all || now - e.getValue() >= resendAfterMs) {
                    e.setValue(now);
                    ledger.resent(e.getKey());
                    out.add(me.sendFrame(e.getKey(), "loadlab " + e.getKey()));
                }
            }
        }
        if (!toConfirm.isEmpty() && now >= nextConfirmMs) {
            toConfirm.forEach((cid, seq) -> out.add(
                    "{\"type\":\"received\",\"conversationId\":\"" + cid + "\",\"seq\":" + seq + "}"));
            confirmIds.forEach(id -> ledger.confirmed(me.userId(), id, now));
            toConfirm.clear();
            confirmIds.clear();
            nextConfirmMs = now + tickMs;
        }
        if (nextPingMs > 0 && now >= nextPingMs) {
            out.add("{\"type\":\"ping\"}");
            nextPingMs = now + heartbeatMs;
        }
        return out;
    }

    /** How long to wait before the next look: until the next send, at most a confirmation tick. */
    public Duration pause() {
        long now = System.currentTimeMillis();
        long until = Math.min(nextSendMs, now + tickMs);
        if (resendAfterMs > 0 && !unacked.isEmpty()) {
            // wake when the oldest unanswered send is due again, as a client's resend timer
            // would, rather than on the next tick, by when its ack has long arrived
            until = Math.min(until, now + resendAfterMs);
        }
        return Duration.ofMillis(Math.max(1, until - now));
    }

    /**
     * The large groups of {@code GET /api/sync}'s answer: their pushes (read diffusion) are not
     * confirmed with {@code received}, as the web client does (docs/protocol.md, "Large groups").
     */
    public void onSync(String body) {
        try {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (JsonNode g : Api.JSON.readTree(body).path("largeGroups")) {
                out.add(g.path("conversationId").asText());
            }
            largeGroups = out;
        } catch (java.io.IOException e) {
            errors++;
        }
    }

    /** Whether this client takes the conversation for a large group. */
    public boolean largeGroup(String conversationId) {
        return largeGroups.contains(conversationId);
    }

    /** A large group's hole seen in its live seqs: the seq to page after (and forget it); -1: none. */
    public long takeGap() {
        long g = gapAfter;
        gapAfter = -1;
        return g;
    }

    /** Whether a hole in a large group's seqs waits to be filled from history. */
    public boolean hasGap() {
        return gapAfter >= 0;
    }

    /** Where catch-up starts: this run's history begins after the baseline. */
    public long catchUpAfter() {
        return me.baselineSeq();
    }

    /** One page of {@code GET /api/conversations/{id}/messages?afterSeq=}; returns its last seq. */
    public long onHistory(String body) {
        JsonNode page;
        try {
            page = Api.JSON.readTree(body);
        } catch (java.io.IOException e) {
            errors++;
            return -1;
        }
        long last = -1;
        for (JsonNode m : page.path("items")) {
            last = m.path("seq").asLong();
            if (m.path("from").asLong() != me.userId()) {
                ledger.caughtUp(me.userId(), m.path("clientMsgId").asText(),
                        m.path("messageId").asText(), last);
            }
        }
        return page.path("hasMore").asBoolean(false) ? last : -1;
    }

    /** {@code message} frames this client got over its socket, redeliveries included. */
    public long pushes() {
        return pushes;
    }

    /** Whether a {@code welcome} ever came on this client's socket. */
    public boolean welcomedOnce() {
        return welcomed;
    }

    public long errors() {
        return errors;
    }

    /** When the last frame this client read arrived (epoch ms; 0: none). */
    public long lastFrameMs() {
        return lastFrameMs;
    }

    /** Sends still without an answer, with when each was last written (epoch ms). */
    public Map<String, Long> unacked() {
        return Map.copyOf(unacked);
    }
}
