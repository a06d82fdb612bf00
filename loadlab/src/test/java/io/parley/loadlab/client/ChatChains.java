package io.parley.loadlab.client;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.function.Function;


import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * What a browser tab of the web client does, as Gatling chains: log in over HTTP, open the
 * WebSocket and wait for {@code welcome}, then a loop that reads frames, sends on schedule,
 * confirms with {@code received} and pings; at the end a reconnect and a catch-up through
 * {@code GET /api/conversations/{id}/messages?afterSeq=} (docs/protocol.md, "Catching up").
 * The session attribute {@code user} holds the {@link ChatUser}.
 */
public final class ChatChains {
    /** Pages of one catch-up asked at most this many times each when refused. */
    private static final int CATCH_UP_TRIES = 5;

    private ChatChains() {
    }

    /**
     * The web client's retry delay: {@code baseMs} doubling with each retry (1 = first), ±20 %.
     */
    private static Duration backoff(long baseMs, int retry) {
        return Duration.ofMillis(Math.round(baseMs * Math.pow(2, retry - 1)
                * (0.8 + 0.4 * Math.random())));
    }

    /**
     * A whole browser session for population members {@code from} to {@code to}: log in, connect,
     * chat until the schedule and drain are over, then reconnect and catch up (or only catch up).
     */
    public static ScenarioBuilder chatter(LoadRun run, String name, int from, int to,
                                          Function<SimUser, ChatUser> client, boolean reconnect) {
        return scenario(name)
                .feed(run.indexes(from, () -> Math.min(to, run.population().size() + run.tabCount())))
                .exec(s -> s.set("user", run.user(s.getInt("index"), client)))
                .exec(login())
                .exec(connect("connect"))
                // no socket (login or connect failed under load): Gatling's report counts the KO
                .exitHereIfFailed()
                .exec(learnLargeGroups())
                .exec(chatFollowingDrains())
                .exec(reconnect ? reconnectAndCatchUp() : catchUp());
    }

    public static HttpProtocolBuilder protocol() {
        // no warm-up request: it would go to the internet
        // frames no check waits for are kept for processUnmatchedMessages (the default keeps none)
        HttpProtocolBuilder p = http.disableWarmUp().acceptHeader("application/json")
                .userAgentHeader("parley-loadlab")
                .wsUnmatchedInboundMessageBufferSize(100_000);
        // -DshareConnections=true: one HTTP connection pool for all virtual users instead of one
        // each (browsers'), so 10,000 users' sockets plus their HTTP connections stay under the
        // generator's 20,000 file descriptors (the large-group run)
        return Boolean.getBoolean("shareConnections") ? p.shareConnections() : p;
    }

    public static ChatUser user(Session s) {
        return (ChatUser) s.get("user");
    }

    public static ChainBuilder login() {
        return exec(http("login").post(s -> user(s).gateway() + "/api/auth/login")
                .body(StringBody(s -> "{\"phone\":\"" + user(s).sim().phone()
                        + "\",\"password\":\"" + user(s).sim().password() + "\"}"))
                .asJson()
                .check(status().is(200), jsonPath("$.accessToken").saveAs("token")));
    }

    /**
     * Takes the access token the set-up's login got, instead of logging in again: for a scenario
     * that measures the socket handshakes alone (scenario 6's storm).
     */
    public static ChainBuilder setUpToken() {
        return exec(s -> s.set("token", user(s).sim().token()));
    }

    public static ChainBuilder connect(String name) {
        return exec(ws(name).connect(s -> user(s).gateway().toString()
                        .replaceFirst("^http", "ws") + "/ws?token=" + s.getString("token")
                        + "&device=loadlab")
                .await(30).on(ws.checkTextMessage("welcome")
                        .check(jsonPath("$.type").is("welcome"),
                                jsonPath("$.heartbeatSeconds").ofInt().saveAs("heartbeat"))))
                .exec(s -> {
                    if (s.contains("heartbeat")) {
                        user(s).welcomed(s.getInt("heartbeat"));
                    }
                    return s;
                });
    }

    /**
     * Connects like {@link #connect}, and when the gateway closes the socket before
     * {@code welcome} (1013, busy) tries again after the web client's backoff (500 ms doubling,
     * ±20 %), up to {@code attempts} times. A loop, not {@code tryMax}: the close of the refused
     * socket may itself fail (Gatling dropped it already), and {@code tryMax} would end the
     * attempt right there.
     */
    public static ChainBuilder connectWithBackoff(String name, int attempts) {
        return exec(s -> s.set("connectAttempt", 0))
                .exec(connect(name))
                .asLongAs(s -> s.isFailed() && s.getInt("connectAttempt") < attempts - 1).on(
                        exec(s -> s.set("connectAttempt", s.getInt("connectAttempt") + 1))
                        .pause(s -> backoff(500, s.getInt("connectAttempt")))
                        .exec(ws("discard").close())
                        .exec(s -> s.markAsSucceeded())
                        .exec(connect(name)));
    }

    /**
     * A group member asks {@code GET /api/sync?limit=1} which of its groups are large (read
     * diffusion), as the web client does: those pushes are not confirmed. Refused or unanswered
     * (a busy gateway), the client confirms everything, which the gateway ignores cheaply.
     */
    public static ChainBuilder learnLargeGroups() {
        return doIf(s -> user(s).sim().peerId() == 0).then(
                exec(http("sync").get(s -> user(s).gateway() + "/api/sync?limit=1")
                        .header("Authorization", s -> "Bearer " + s.getString("token"))
                        .check(status().is(200), bodyString().saveAs("sync")))
                .exec(s -> {
                    if (s.contains("sync")) {
                        user(s).onSync(s.getString("sync"));
                    }
                    return s.markAsSucceeded().remove("sync");
                }));
    }

    /** Reads, sends, confirms and pings until the user's schedule and drain are over. */
    public static ChainBuilder chat() {
        return chatWhile(s -> user(s).active());
    }

    /**
     * Chats like {@link #chat()} and follows a draining gateway's {@code reconnect}: closes the
     * socket after the frame's random pause, connects to the gateway it named, catches up, and
     * resends what was not acknowledged, as the web client does (scenario 6). A socket lost
     * without that frame (a crashed gateway: the next write on it fails) moves the same way, to
     * the next gateway of the run ({@link ChatUser#socketLost()}).
     */
    public static ChainBuilder chatFollowingDrains() {
        return asLongAs(s -> user(s).active()).on(
                exec(chatWhile(s -> user(s).active() && !user(s).moving()))
                .doIf(s -> user(s).moving()).then(
                        pause(s -> user(s).movePause())
                        .exec(ws("leave").close())
                        .exec(s -> {
                            user(s).switchGateway();
                            // Gatling reports the close of a socket the server is draining as
                            // "premature"; the move goes on, and the next step judges it
                            return s.markAsSucceeded();
                        })
                        .exec(connectWithBackoff("move", 5))
                        .exitHereIfFailed()
                        .exec(catchUp())
                        .exec(s -> {
                            user(s).moved();
                            return s;
                        })));
    }

    private static ChainBuilder chatWhile(java.util.function.Function<Session, Boolean> go) {
        return asLongAs(go::apply).on(
                exec(read())
                .exec(s -> s.set("out", user(s).due()))
                .foreach(s -> s.getList("out"), "frame").on(
                        exec(send(s -> s.getString("frame"))))
                // a hole in a large group's seqs: nothing pushes it again, history has it
                .doIf(s -> user(s).hasGap()).then(catchUpAfter(s -> user(s).takeGap()))
                // a write on a closed or crashed socket fails the session: Gatling's report
                // counts the KO, the client moves on
                .exec(s -> {
                    if (s.isFailed()) {
                        user(s).socketLost();
                        return s.markAsSucceeded();
                    }
                    return s;
                })
                .pause(s -> user(s).pause()));
    }

    /** Hands every frame Gatling buffered since the last look to the user's client state. */
    public static ChainBuilder read() {
        return exec(ws.processUnmatchedMessages((frames, s) -> {
            user(s).onFrames(frames);
            return s;
        }));
    }

    /**
     * Writes one frame, reading what arrived first: Gatling empties its buffer of unmatched
     * inbound frames whenever a frame is sent (3.15, {@code WsFsm.onSendTextFrame}), so an ack
     * or push that came in since the last look would be dropped unseen, and the ledger would
     * count a send never answered, a push redelivered, a first push out of order (issue #11).
     * The read and the write run back to back on the user's event loop, which is also its
     * socket's, so no frame can arrive between them.
     */
    public static ChainBuilder send(Function<Session, String> frame) {
        return exec(read()).exec(ws("send").sendText(frame::apply));
    }

    /** Closes the socket, connects again (welcome), and reads this run's history. */
    public static ChainBuilder reconnectAndCatchUp() {
        return exec(ws("close").close())
                .exec(login())
                .exec(connect("reconnect"))
                .exec(catchUp());
    }

    /**
     * Pages the conversation's history after the last seq this client holds. A page the gateway
     * refuses (503 from a busy gateway, or no answer) is not a lost socket: the KO stays in
     * Gatling's report, the session is marked succeeded again (else the chat loop would take it
     * for a crashed socket and move), and the page is asked again after the web client's backoff
     * (250 ms doubling, ±20 %), up to {@value #CATCH_UP_TRIES} times; then this catch-up ends and
     * the run's final one covers it.
     */
    public static ChainBuilder catchUp() {
        return catchUpAfter(s -> user(s).catchUpAfter());
    }

    /** Pages the conversation's history after the seq given, as {@link #catchUp()} does. */
    private static ChainBuilder catchUpAfter(Function<Session, Long> start) {
        return exec(s -> s.set("after", start.apply(s)).set("catchUpTries", 0))
                .asLongAs(s -> s.getLong("after") >= 0).on(
                        exec(http("catch-up").get(s -> user(s).gateway() + "/api/conversations/"
                                        + user(s).sim().conversationId() + "/messages?limit=50&afterSeq="
                                        + s.getLong("after"))
                                .header("Authorization", s -> "Bearer " + s.getString("token"))
                                // 403 5004: a direct conversation without a message yet has no
                                // members (docs/protocol.md); nothing to catch up
                                .check(status().in(200, 403).saveAs("status"),
                                        bodyString().saveAs("page")))
                        .exec(s -> {
                            String page = s.getString("page");
                            if (!s.contains("status")) {
                                int tries = s.getInt("catchUpTries") + 1;
                                s = s.markAsSucceeded().remove("page").set("catchUpTries", tries);
                                return tries < CATCH_UP_TRIES ? s : s.set("after", -1L);
                            }
                            boolean empty = page == null || s.getInt("status") != 200;
                            s = s.remove("page").remove("status").set("catchUpTries", 0);
                            return s.set("after", empty ? -1L : user(s).onHistory(page));
                        })
                        .doIf(s -> s.getInt("catchUpTries") > 0 && s.getLong("after") >= 0).then(
                                pause(s -> backoff(250, s.getInt("catchUpTries")))))
                // frames that came during the catch-up still count
                .exec(read());
    }
}
