package io.parley.gateway.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Takes from a connection's pipeline, once its {@code 101 Switching Protocols} is written, the
 * handlers an HTTP connection needs and a WebSocket does not, then itself. Today that is the
 * idle-state handler of {@code micronaut.server.idle-timeout}: it keeps three timer tasks per
 * connection and reschedules one on every read, while {@link HeartbeatSweep} already ends every
 * silent socket (4408, well before the HTTP idle timeout) with one sweep over all of them, so an
 * idle socket costs no timer of its own (issue #10: ~0.5 KiB of heap per socket in a class
 * histogram). An HTTP connection that is never upgraded keeps its idle timeout. One instance
 * per connection.
 */
final class UpgradedPipeline extends ChannelOutboundHandlerAdapter {
    static final String NAME = "parley-ws-upgraded-pipeline";

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
            throws Exception {
        if (msg instanceof HttpResponse response
                && HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
            ChannelPipeline pipeline = ctx.pipeline();
            promise = promise.unvoid().addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    trim(pipeline);
                }
            });
        }
        super.write(ctx, msg, promise);
    }

    private static void trim(ChannelPipeline pipeline) {
        if (pipeline.get(IdleStateHandler.class) != null) {
            pipeline.remove(IdleStateHandler.class);
        }
        if (pipeline.get(NAME) != null) {
            pipeline.remove(NAME);
        }
    }
}
