package io.parley.gateway.ws;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import jakarta.inject.Singleton;

/**
 * Puts a {@link MessageSizeGuard} in front of the request handler of every HTTP stream, where
 * Micronaut's socket handler takes its place on upgrade, and sets up permessage-deflate as
 * {@link WsCompression} says: removed when off, otherwise at the configured level and capped at
 * the same limit for what one frame may inflate to. Beside it goes an {@link UpgradedPipeline},
 * which trims the connection's pipeline once it is a WebSocket.
 */
@Singleton
final class MessageSizeGuardInstaller
        implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String REQUEST_HANDLER = "micronaut-inbound-handler";
    private static final String COMPRESSION = "WebSocketServerCompressionHandler";

    private final WsLimits limits;
    private final WsCompression compression;

    MessageSizeGuardInstaller(WsLimits limits, WsCompression compression) {
        this.limits = limits;
        this.compression = compression;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(
            BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerChannel(null, limits.maxMessageBytes(), compression));
        return event.getBean();
    }

    private record PerChannel(Channel channel, int maxMessageBytes, WsCompression compression)
            implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new PerChannel(channel, maxMessageBytes, compression);
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(REQUEST_HANDLER) == null || pipeline.get(MessageSizeGuard.NAME) != null) {
                return;
            }
            if (pipeline.get(COMPRESSION) != null) {
                if (compression.enabled()) {
                    // no server window or no-context-takeover requests: the defaults browsers use
                    pipeline.replace(COMPRESSION, COMPRESSION, new WebSocketServerExtensionHandler(
                            new PerMessageDeflateServerExtensionHandshaker(compression.level(),
                                    false, PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE,
                                    false, false, maxMessageBytes)));
                } else {
                    pipeline.remove(COMPRESSION);
                }
            }
            pipeline.addBefore(REQUEST_HANDLER, MessageSizeGuard.NAME,
                    new MessageSizeGuard(maxMessageBytes));
            pipeline.addBefore(REQUEST_HANDLER, UpgradedPipeline.NAME, new UpgradedPipeline());
        }
    }
}
