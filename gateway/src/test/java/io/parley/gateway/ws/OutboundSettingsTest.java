package io.parley.gateway.ws;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Outbound limits refuse values that would stall or never bound a socket. */
class OutboundSettingsTest {
    @Test
    void aWriteSliceOfNoSocketsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new OutboundSettings(1000, 16, Duration.ofSeconds(2), 0));
    }

    @Test
    void aSlowCloseTimeoutOfZeroIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new OutboundSettings(1000, 16, Duration.ZERO, 256));
    }
}
