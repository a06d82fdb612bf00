package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Whether sockets may negotiate permessage-deflate (RFC 7692), and how hard it compresses. Off by
 * default: each compressed socket keeps a zlib deflater and inflater for its whole life (about
 * 130 KiB outside the heap per idle socket measured here, against under 3 KiB without), and
 * zlib was 15 % of a gateway's CPU at 1,000 msg/s on ~300-byte frames (docs/performance.md).
 *
 * @param enabled offer permessage-deflate to clients that ask for it
 * @param level   zlib level 0–9 when enabled (1: fastest)
 */
@ConfigurationProperties("im.gateway.ws.compression")
public record WsCompression(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "1") @Min(0) @Max(9) int level) {

    public WsCompression {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("im.gateway.ws.compression.level must be 0-9, not "
                    + level);
        }
    }
}
