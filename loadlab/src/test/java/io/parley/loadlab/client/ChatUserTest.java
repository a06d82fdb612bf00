package io.parley.loadlab.client;

import io.gatling.http.action.ws.WsInboundMessage;
import io.parley.loadlab.ledger.Ledger;
import io.parley.loadlab.ledger.LedgerReport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static String idOf(String sendFrame) {
        int at = sendFrame.indexOf("\"clientMsgId\":\"") + 15;
        return sendFrame.substring(at, sendFrame.indexOf('"', at));
    }

    private static WsInboundMessage text(String frame) {
        return new WsInboundMessage.Text(System.currentTimeMillis(), frame);
    }
}
