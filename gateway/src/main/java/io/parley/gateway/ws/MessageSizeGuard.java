package io.parley.gateway.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits between Netty's WebSocket decoders (frame, then permessage-deflate) and Micronaut's socket
 * handler, which joins continuation fragments into one message in memory. It counts the
 * decompressed bytes of each message as its fragments pass and, once a message is over the limit,
 * drops it and closes the socket with 1009, so no oversized message is ever buffered whole. An
 * inflater that hit its allocation cap is a message over the limit as well. HTTP objects pass
 * untouched. One instance per connection.
 */
final class MessageSizeGuard extends ChannelInboundHandlerAdapter {
    static final String NAME = "parley-ws-message-size";

    private final int maxMessageBytes;
    private long messageBytes;
    private boolean closing;

    MessageSizeGuard(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
            messageBytes = ((io.netty.buffer.ByteBufHolder) msg).content().readableBytes();
        } else if (msg instanceof ContinuationWebSocketFrame c) {
            messageBytes += c.content().readableBytes();
        } else {
            ctx.fireChannelRead(msg);
            return;
        }
        if (messageBytes > maxMessageBytes) {
            ReferenceCountUtil.release(msg);
            tooBig(ctx);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DecompressionException) {
                tooBig(ctx);
                return;
            }
        }
        ctx.fireExceptionCaught(cause);
    }

    private void tooBig(ChannelHandlerContext ctx) {
        if (closing) {
            return;
        }
        closing = true;
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(),
                        "messages are limited to " + maxMessageBytes + " bytes"))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
