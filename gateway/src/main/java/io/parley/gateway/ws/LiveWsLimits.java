package io.parley.gateway.ws;

import io.parley.platform.config.LiveConfig;
import io.parley.platform.config.LiveValue;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * {@link WsLimits} as they are now: the text and frame size limits and the heartbeat timeout can
 * be changed live under {@code <ns>/config/gateway/im.gateway.ws.<property>}.
 */
@Singleton
public final class LiveWsLimits {
    private final WsLimits configured;
    private final LiveValue<Integer> maxTextBytes;
    private final LiveValue<Integer> maxFrameBytes;
    private final LiveValue<Duration> heartbeatTimeout;

    LiveWsLimits(WsLimits configured, LiveConfig live) {
        this.configured = configured;
        this.maxTextBytes = live.intValue("im.gateway.ws.max-text-bytes", configured.maxTextBytes(),
                1, 1 << 20);
        this.maxFrameBytes = live.intValue("im.gateway.ws.max-frame-bytes",
                configured.maxFrameBytes(), 256, 1 << 22);
        this.heartbeatTimeout = live.durationValue("im.gateway.ws.heartbeat-timeout",
                configured.heartbeatTimeout(), Duration.ofSeconds(5), Duration.ofHours(1));
    }

    public WsLimits current() {
        return new WsLimits(maxTextBytes.get(), maxFrameBytes.get(), configured.maxMessageBytes(),
                configured.heartbeatInterval(), heartbeatTimeout.get());
    }
}
