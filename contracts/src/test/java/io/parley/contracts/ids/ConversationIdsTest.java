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

    @Test
    void aGroupConversationIdNamesItsGroupAndNothingElseParses() {
        assertEquals("g_7345123456789012345", ConversationIds.group(7345123456789012345L));
        assertEquals(42, ConversationIds.groupIdOf("g_42"));
        for (String bad : new String[] {null, "d_1_2", "g_", "g_0", "g_-3", "g_007", "g_1x",
                                        "g_99999999999999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> ConversationIds.groupIdOf(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ConversationIds.group(0));
    }

    @Test
    void aDirectIdNamesItsTwoMembersOnlyWhenWrittenAsDirectWritesIt() {
        long[] members = ConversationIds.directMembers("d_3_10");
        assertEquals(3, members[0]);
        assertEquals(10, members[1]);
        for (String bad : new String[] {null, "d_10_3", "d_3_3", "d_0_3", "d_03_10", "d_3_10_",
                                        "d_3", "g_3", "d_a_b", "d__3"}) {
            assertThrows(IllegalArgumentException.class, () -> ConversationIds.directMembers(bad),
                    bad);
        }
    }
}
