package io.parley.gateway.locate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocateSettingsTest {
    @Test
    void takesAWebSocketAddressAndTreatsBlankAsUnset() {
        assertEquals("wss://chat.example.com/ws",
                new LocateSettings("wss://chat.example.com/ws").publicUrl());
        assertNull(new LocateSettings("").publicUrl());
        assertNull(new LocateSettings(null).publicUrl());
    }

    @Test
    void refusesAnythingButAWebSocketAddressWithoutQuery() {
        for (String bad : new String[] {"https://chat.example.com/ws", "chat.example.com",
                "wss://chat.example.com/ws?token=x", "wss://chat example.com"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LocateSettings(bad));
            assertEquals(true, e.getMessage().startsWith("im.gateway.locate.public-url"), bad);
        }
    }
}
