package io.parley.contracts.ids;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConversationIdsTest {
    @Test
    void bothMembersDeriveTheSameDirectIdAndFindTheirPeer() {
        assertEquals("d_3_10", ConversationIds.direct(10, 3));
        assertEquals(ConversationIds.direct(3, 10), ConversationIds.direct(10, 3));
        assertEquals(10, ConversationIds.peerOf("d_3_10", 3));
        assertEquals(3, ConversationIds.peerOf("d_3_10", 10));
        assertThrows(IllegalArgumentException.class, () -> ConversationIds.direct(0, 1));
        assertThrows(IllegalArgumentException.class, () -> ConversationIds.peerOf("g_1", 1));
    }
}
