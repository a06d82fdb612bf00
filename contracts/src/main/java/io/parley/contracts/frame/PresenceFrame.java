package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A friend came online ({@code online: true}) or went offline; {@code at} is when, in epoch
 * milliseconds (for offline: last seen).
 */
@Serdeable
public record PresenceFrame(long userId, boolean online, long at) implements ServerFrame {
}
