package io.parley.gateway.ws;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageSizeGuardTest {
    private static final int LIMIT = 1000;

    @Test
    void passesMessagesUpToTheLimitAcrossFragments() {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageSizeGuard(LIMIT));
        ch.writeInbound(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[600])));
        ch.writeInbound(new ContinuationWebSocketFrame(true, 0,
                Unpooled.wrappedBuffer(new byte[400])));
        ch.writeInbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[LIMIT])));
        assertEquals(3, ch.inboundMessages().size(), "a new message starts a new count");
        assertTrue(ch.isOpen());
        assertNull(ch.readOutbound());
        ch.finishAndReleaseAll();
    }

    @Test
    void closesWith1009OnceTheFragmentsOfOneMessagePassTheLimit() {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageSizeGuard(LIMIT));
        ch.writeInbound(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[600])));
        ContinuationWebSocketFrame over = new ContinuationWebSocketFrame(false, 0,
                Unpooled.wrappedBuffer(new byte[401]));
        ch.writeInbound(over);
        assertEquals(1, ch.inboundMessages().size(), "only the first fragment passed");
        assertEquals(0, over.refCnt(), "the oversized fragment is released, not buffered");
        assertClosedWith1009(ch);
    }

    @Test
    void closesWith1009WhenTheInflaterHitsItsCap() {
        EmbeddedChannel ch = new EmbeddedChannel(new MessageSizeGuard(LIMIT));
        ch.pipeline().fireExceptionCaught(new DecoderException(
                new DecompressionException("Decompression buffer has reached maximum size")));
        assertClosedWith1009(ch);
    }

    private static void assertClosedWith1009(EmbeddedChannel ch) {
        WebSocketFrame close = assertInstanceOf(CloseWebSocketFrame.class, ch.readOutbound());
        assertEquals(1009, ((CloseWebSocketFrame) close).statusCode());
        close.release();
        ch.runPendingTasks();
        assertFalse(ch.isOpen());
        ch.finishAndReleaseAll();
    }
}
