package io.parley.loadlab.client;

import io.gatling.http.action.ws.WsInboundMessage;
import io.parley.loadlab.ledger.Ledger;
import io.parley.loadlab.ledger.LedgerReport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storm client's side of a drain (scenario 6): what it sent on the draining gateway and never
 * heard of goes again, with the same client message id, once it is welcomed elsewhere, as the web
 * client's outbox does; the server's answer to the retry settles the ledger.
 */
class ChatUserTest {
    private final Ledger ledger = new Ledger(800);
    private final long now = System.currentTimeMillis();
    private final SimUser me = new SimUser(0, "+1700000000", "pw", 1, URI.create("http://127.0.0.1:1"),
            2, "d_1_2", List.of(2L), 0, "token");
    // one send per 100 ms from now on, for a second
    private final ChatUser user = new ChatUser(me, ledger,
            new SendSchedule(now - 1, 1_000, List.of(10.0)), "t", now + 60_000, true, 0, 0, ChatUser.DEFAULT_TICK_MS);

    @Test
    void resendsWhatTheDrainingGatewayNeverAnsweredWithTheSameIdsAfterTheMove() {
        List<String> first = user.due();
        assertEquals(1, first.size(), first.toString());
        String id = idOf(first.get(0));

        user.onFrames(List.of(text("{\"type\":\"reconnect\",\"gatewayId\":\"gw2\","
                + "\"url\":\"ws://127.0.0.1:2/ws\",\"withinMs\":2000}")));
        assertTrue(user.moving());
        user.switchGateway();
        assertEquals(URI.create("http://127.0.0.1:2"), user.gateway());
        // the ack went to the drained gateway's topic: never seen here
        user.moved();

        List<String> again = user.due();
        assertTrue(again.stream().anyMatch(f -> f.contains("\"clientMsgId\":\"" + id + "\"")),
                again.toString());
        assertEquals(1, ledger.report().unanswered());

        // logic's de-duplication answers the retry with the stored message
        user.onFrames(List.of(text("{\"type\":\"ack\",\"clientMsgId\":\"" + id
                + "\",\"messageId\":\"m1\",\"conversationId\":\"d_1_2\",\"seq\":1}")));
        LedgerReport r = ledger.report();
        assertEquals(0, r.unanswered(), r.failures().toString());
        assertEquals(1, r.resent());
        assertTrue(user.unacked().isEmpty());
    }

    @Test
    void aSecondAckForTheRetryNamingTheSameMessageIsConsistent() {
        String id = idOf(user.due().get(0));
        user.onFrames(List.of(text("{\"type\":\"reconnect\",\"url\":\"ws://127.0.0.1:2/ws\","
                + "\"withinMs\":0}")));
        user.switchGateway();
        user.moved();
        user.due();
        String ack = "{\"type\":\"ack\",\"clientMsgId\":\"" + id
                + "\",\"messageId\":\"m1\",\"conversationId\":\"d_1_2\",\"seq\":1}";
        user.onFrames(List.of(text(ack), text(ack)));
        assertEquals(0, ledger.report().inconsistent());
    }

    @Test
    void aLargeGroupsPushesAreNotConfirmedAndAHoleInItsSeqsIsPagedFromHistory() {
        SimUser member = new SimUser(1, "+1700000001", "pw", 3, URI.create("http://127.0.0.1:1"),
                0, "g_9", List.of(3L), 10, "token");
        ChatUser reader = new ChatUser(member, ledger, new SendSchedule(now - 1, 1_000,
                List.of(0.0)), "t", now + 60_000, true, 0, 0, ChatUser.DEFAULT_TICK_MS);
        reader.onSync("{\"items\":[],\"largeGroups\":[{\"conversationId\":\"g_9\","
                + "\"lastSeq\":10}],\"badges\":[]}");
        assertTrue(reader.largeGroup("g_9"));
        reader.onFrames(List.of(text(push("g_9", 11)), text(push("g_9", 12))));
        assertFalse(reader.hasGap(), "11 and 12 follow the baseline 10");
        assertTrue(reader.due().stream().noneMatch(f -> f.contains("received")),
                "a large group's pushes are not confirmed");
        reader.onFrames(List.of(text(push("g_9", 14))));
        assertTrue(reader.hasGap());
        assertEquals(12, reader.takeGap(), "page the history after the last seq before the hole");
        assertFalse(reader.hasGap());

        // a small group's pushes are confirmed as before
        user.onFrames(List.of(text(push("d_1_2", 1))));
        assertTrue(user.due().stream().anyMatch(f -> f.contains("\"received\"")));
    }

    private static String push(String conversationId, long seq) {
        return "{\"type\":\"message\",\"messageId\":\"m" + seq + "\",\"clientMsgId\":\"c"
                + seq + "\",\"conversationId\":\"" + conversationId + "\",\"seq\":" + seq
                + ",\"from\":5}";
    }

    private static String idOf(String sendFrame) {
        int at = sendFrame.indexOf("\"clientMsgId\":\"") + 15;
        return sendFrame.substring(at, sendFrame.indexOf('"', at));
    }

    private static WsInboundMessage text(String frame) {
        return new WsInboundMessage.Text(System.currentTimeMillis(), frame);
    }
}
