package io.parley.gateway.ws;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class UpgradedPipelineTest {
    @Test
    void dropsTheIdleTimerAndItselfOnceTheUpgradeIsWritten() {
        EmbeddedChannel ch = channel();
        write(ch, HttpResponseStatus.SWITCHING_PROTOCOLS);
        assertNull(ch.pipeline().get(IdleStateHandler.class),
                "the heartbeat sweep watches sockets, not a timer per channel");
        assertNull(ch.pipeline().get(UpgradedPipeline.NAME));
        ch.finishAndReleaseAll();
    }

    @Test
    void keepsTheIdleTimerOfAPlainHttpConnection() {
        EmbeddedChannel ch = channel();
        write(ch, HttpResponseStatus.OK);
        assertNotNull(ch.pipeline().get(IdleStateHandler.class));
        assertNotNull(ch.pipeline().get(UpgradedPipeline.NAME));
        ch.finishAndReleaseAll();
    }

    private static EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast("idle-state", new IdleStateHandler(0, 0, 300));
        ch.pipeline().addLast(UpgradedPipeline.NAME, new UpgradedPipeline());
        return ch;
    }

    private static void write(EmbeddedChannel ch, HttpResponseStatus status) {
        ch.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status));
        ch.runPendingTasks();
        ReferenceCountUtil.release(ch.readOutbound());
    }
}
