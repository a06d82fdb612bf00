package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * Socket limits.
 *
 * @param maxTextBytes     longest message text (UTF-8 bytes); longer sends are refused
 * @param maxFrameBytes    longest frame decoded as JSON; longer ones are answered 1004, the
 *                         socket stays open
 * @param maxMessageBytes  longest WebSocket message read at all, counted over its continuation
 *                         fragments after decompression; a longer one closes the socket with 1009
 *                         before it is buffered whole
 * @param heartbeatInterval how often clients are told to ping
 * @param heartbeatTimeout a socket silent for this long is closed (three missed pings)
 */
@ConfigurationProperties("im.gateway.ws")
public record WsLimits(
        @Bindable(defaultValue = "4096") @Positive int maxTextBytes,
        @Bindable(defaultValue = "16384") @Positive int maxFrameBytes,
        @Bindable(defaultValue = "1048576") @Positive int maxMessageBytes,
        @Bindable(defaultValue = "20s") Duration heartbeatInterval,
        @Bindable(defaultValue = "65s") Duration heartbeatTimeout) {
}
