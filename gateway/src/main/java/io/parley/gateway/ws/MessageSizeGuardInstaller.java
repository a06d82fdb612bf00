package io.parley.gateway.ws;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import jakarta.inject.Singleton;

/**
 * Puts a {@link MessageSizeGuard} in front of the request handler of every HTTP stream, where
 * Micronaut's socket handler takes its place on upgrade, and caps what permessage-deflate may
 * inflate from one frame at the same limit.
 */
@Singleton
final class MessageSizeGuardInstaller
        implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String REQUEST_HANDLER = "micronaut-inbound-handler";
    private static final String COMPRESSION = "WebSocketServerCompressionHandler";

    private final WsLimits limits;

    MessageSizeGuardInstaller(WsLimits limits) {
        this.limits = limits;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(
            BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerChannel(null, limits.maxMessageBytes()));
        return event.getBean();
    }

    private record PerChannel(Channel channel, int maxMessageBytes)
            implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new PerChannel(channel, maxMessageBytes);
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(REQUEST_HANDLER) == null || pipeline.get(MessageSizeGuard.NAME) != null) {
                return;
            }
            if (pipeline.get(COMPRESSION) != null) {
                pipeline.replace(COMPRESSION, COMPRESSION,
                        new WebSocketServerCompressionHandler(maxMessageBytes));
            }
            pipeline.addBefore(REQUEST_HANDLER, MessageSizeGuard.NAME,
                    new MessageSizeGuard(maxMessageBytes));
        }
    }
}
