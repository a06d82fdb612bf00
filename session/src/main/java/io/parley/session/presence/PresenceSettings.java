package io.parley.session.presence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param ttl how long a connection stays "online" without a gateway heartbeat: the time a dead
 *            gateway's users take to go offline. Gateways beat at a third of it.
 */
@ConfigurationProperties("im.session.presence")
public record PresenceSettings(@Bindable(defaultValue = "30s") Duration ttl) {
}
