package io.parley.gateway.drain;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How a gateway drains.
 *
 * @param gracePeriod     how long clients told to {@code reconnect} may stay; those still there
 *                        afterwards are closed with 4411. Pushes and acks reach them meanwhile.
 * @param reconnectSpread clients spread their reconnects over this window (the frame's
 *                        {@code withinMs}), so the other gateway is not hit by all at once;
 *                        under the grace period, or the last clients would be closed anyway
 */
@ConfigurationProperties("im.gateway.drain")
public record DrainSettings(
        @Bindable(defaultValue = "10s") Duration gracePeriod,
        @Bindable(defaultValue = "2s") Duration reconnectSpread) {

    public DrainSettings {
        if (gracePeriod.isNegative() || gracePeriod.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("im.gateway.drain.grace-period must be 0..10m: "
                    + gracePeriod);
        }
        if (reconnectSpread.isNegative() || reconnectSpread.compareTo(gracePeriod) > 0) {
            throw new IllegalArgumentException("im.gateway.drain.reconnect-spread must be 0.."
                    + "grace-period (" + gracePeriod + "): " + reconnectSpread);
        }
    }
}
