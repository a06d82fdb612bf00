package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * Outbound buffering per socket.
 *
 * @param maxOutboundBytes frame bytes written to a socket but not yet flushed to the network; a
 *                         socket over this is a slow consumer and is closed with 4412
 */
@ConfigurationProperties("im.gateway.ws")
public record OutboundSettings(
        @Bindable(defaultValue = "1048576") @Positive long maxOutboundBytes) {
}
