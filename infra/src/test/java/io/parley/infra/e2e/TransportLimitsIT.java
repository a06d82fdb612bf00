package io.parley.infra.e2e;

import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The socket's transport guard: a message over {@code im.gateway.ws.max-message-bytes} (1 MiB)
 * closes the socket with 1009 however it arrives (fragmented, deflated), while a frame between the
 * frame limit and the message limit is answered 1004 and the socket stays open.
 */
@ExtendWith(ClusterExtension.class)
@Timeout(300)
class TransportLimitsIT {
    private static final int KIB = 1024;

    @Test
    void aMessageOverTheLimitInContinuationFragmentsClosesWith1009(Cluster cluster)
            throws Exception {
        String token = token(cluster);
        try (RawSocket ws = RawSocket.webSocket(cluster.gateway1().http(), token, false)) {
            assertTrue(ws.next().contains("\"welcome\""));
            byte[] part = filler(512 * KIB);
            ws.frame(RawSocket.TEXT, false, part);
            ws.frame(RawSocket.CONTINUATION, false, part);
            ws.frame(RawSocket.CONTINUATION, true, part);
            assertEquals("close 1009", ws.next());
        }
    }

    @Test
    void aDeflatedMessageThatInflatesOverTheLimitClosesWith1009(Cluster cluster) throws Exception {
        String token = token(cluster);
        try (RawSocket ws = RawSocket.webSocket(cluster.gateway1().http(), token, true)) {
            assertTrue(ws.next().contains("\"welcome\""));
            ws.deflated(filler(4 * KIB * KIB));
            assertEquals("close 1009", ws.next());
        }
    }

    @Test
    void aFrameBetweenTheFrameAndTheMessageLimitIsAnswered1004AndTheSocketStaysOpen(
            Cluster cluster) throws Exception {
        String token = token(cluster);
        try (RawSocket ws = RawSocket.webSocket(cluster.gateway1().http(), token, true)) {
            assertTrue(ws.next().contains("\"welcome\""));
            ws.frame(RawSocket.TEXT, false, filler(300 * KIB));
            ws.frame(RawSocket.CONTINUATION, true, filler(300 * KIB));
            assertTrue(ws.next().contains("\"code\":1004"));
            ws.deflated(filler(900 * KIB));
            assertTrue(ws.next().contains("\"code\":1004"));
            ws.frame(RawSocket.TEXT, true, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            assertTrue(ws.next().contains("\"pong\""));
        }
    }

    @Test
    void permessageDeflateIsNegotiatedOnlyWhereItIsTurnedOn(Cluster cluster) throws Exception {
        String token = token(cluster);
        // gateway 2 runs with the default (im.gateway.ws.compression.enabled=false): the upgrade
        // succeeds without the extension, and frames travel uncompressed
        IOException noDeflate = assertThrows(IOException.class,
                () -> RawSocket.webSocket(cluster.gateway2().http(), token, true));
        assertTrue(noDeflate.getMessage().startsWith("no upgrade: HTTP/1.1 101"),
                noDeflate.getMessage());
        assertFalse(noDeflate.getMessage().toLowerCase().contains("sec-websocket-extensions"),
                noDeflate.getMessage());
        try (RawSocket ws = RawSocket.webSocket(cluster.gateway2().http(), token, false)) {
            assertTrue(ws.next().contains("\"welcome\""));
        }
        // gateway 1 offers it (Cluster turns it on there)
        try (RawSocket ws = RawSocket.webSocket(cluster.gateway1().http(), token, true)) {
            assertTrue(ws.next().contains("\"welcome\""));
        }
    }

    private static String token(Cluster cluster) {
        return Users.signUp(new ApiClient(cluster.gateway1().http()), "Raw").token();
    }

    private static byte[] filler(int bytes) {
        byte[] b = new byte[bytes];
        Arrays.fill(b, (byte) 'a');
        return b;
    }
}
