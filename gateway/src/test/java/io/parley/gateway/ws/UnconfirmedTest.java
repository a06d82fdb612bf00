package io.parley.gateway.ws;

import io.parley.contracts.frame.MessageFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnconfirmedTest {
    private final Unconfirmed pending = new Unconfirmed(
            new DeliverySettings(Duration.ofSeconds(1), 3, 4, 2));

    @Test
    void redeliversAfterOneTwoAndFourSecondsThenGivesUp() {
        pending.pushed(message("m1", "d_1_2", 1), 0);
        assertEquals(List.of(), ids(pending.due(999)));
        assertEquals(List.of("m1"), ids(pending.due(1_000)));
        assertEquals(List.of(), ids(pending.due(2_999)));
        assertEquals(List.of("m1"), ids(pending.due(3_000)));
        assertEquals(List.of("m1"), ids(pending.due(7_000)));
        assertEquals(List.of(), ids(pending.due(100_000)), "gave up after three");
        assertEquals(0, pending.size());
    }

    @Test
    void aPostponedMessageIsDueOneRetryAfterThePostponementWithNoAttemptSpent() {
        pending.pushed(message("m1", "d_1_2", 1), 0);
        pending.postpone(900);
        assertEquals(List.of(), ids(pending.due(1_000)), "still queued at 900: not due at 1000");
        assertEquals(List.of("m1"), ids(pending.due(1_900)));
        assertEquals(List.of("m1"), ids(pending.due(3_900)));
        assertEquals(List.of("m1"), ids(pending.due(7_900)), "all three attempts left");
        assertEquals(List.of(), ids(pending.due(100_000)));
    }

    @Test
    void aLargeGroupsReceivedFindsNothingAndLeavesTheOthersPending() {
        // a room push is not kept: its received confirms nothing and remembers nothing
        pending.received("g_big", 40);
        assertTrue(pending.pushed(message("d1", "d_1_2", 1), 0));
        pending.received("g_big", 41);
        assertEquals(1, pending.size());
        assertEquals(List.of("d1"), ids(pending.due(1_000)));
    }

    @Test
    void aCumulativeConfirmationClearsThatConversationUpToItsSeq() {
        pending.pushed(message("a1", "d_1_2", 1), 0);
        pending.pushed(message("a2", "d_1_2", 2), 0);
        pending.pushed(message("a3", "d_1_2", 3), 0);
        pending.pushed(message("b1", "d_1_3", 1), 0);
        pending.received("d_1_2", 2);
        assertEquals(List.of("a3", "b1"), ids(pending.due(1_000)));
    }

    @Test
    void aConfirmationDoesNotClearALowerSeqPushedAfterIt() {
        pending.pushed(message("a7", "d_1_2", 7), 0);
        pending.pushed(message("a6", "d_1_2", 6), 0); // written after 7: the client may not have it
        pending.received("d_1_2", 7);
        assertEquals(List.of("a6"), ids(pending.due(1_000)));
    }

    @Test
    void aConfirmationDoesNotClearALowerSeqRedeliveredAfterIt() {
        pending.pushed(message("a6", "d_1_2", 6), 0);
        pending.pushed(message("a7", "d_1_2", 7), 500);
        assertEquals(List.of("a6"), ids(pending.due(1_000)), "6 written again, after 7");
        pending.received("d_1_2", 7); // confirms 7, which was written before the second 6
        assertEquals(List.of("a6"), ids(pending.due(3_000)));
        pending.received("d_1_2", 6);
        assertEquals(0, pending.size());
    }

    @Test
    void aConfirmationOfASeqNotPendingClearsOnlyThatSeq() {
        pending.pushed(message("a5", "d_1_2", 5), 0);
        pending.received("d_1_2", 9);
        assertEquals(1, pending.size());
    }

    @Test
    void keepsAtMostMaxPendingDroppingTheOldest() {
        for (int i = 1; i <= 6; i++) {
            pending.pushed(message("m" + i, "d_1_2", i), 0);
        }
        assertEquals(4, pending.size());
        assertEquals(List.of("m3", "m4", "m5", "m6"), ids(pending.due(1_000)));
    }

    @Test
    void aMessagePushedAgainIsNotWrittenWhilePendingOrOnceConfirmed() {
        assertTrue(pending.pushed(message("a1", "d_1_2", 1), 0));
        assertFalse(pending.pushed(message("a1", "d_1_2", 1), 10), "pending: redelivery has it");
        assertEquals(List.of("a1"), ids(pending.due(1_000)), "one entry, on its first schedule");
        pending.received("d_1_2", 1);
        assertFalse(pending.pushed(message("a1", "d_1_2", 1), 2_000), "confirmed: the client has it");
        assertEquals(0, pending.size());
    }

    @Test
    void onlyTheLastRememberedConfirmationsAreKept() {
        for (int i = 1; i <= 3; i++) {
            pending.pushed(message("m" + i, "d_1_2", i), 0);
            pending.received("d_1_2", i);
        }
        // remembered = 2: m1 is forgotten, so pushed again it is written again
        assertTrue(pending.pushed(message("m1", "d_1_2", 1), 0));
        assertFalse(pending.pushed(message("m3", "d_1_2", 3), 0));
    }

    @Test
    void aMessageGivenUpOnIsWrittenAgainWhenPushedAgain() {
        pending.pushed(message("g1", "d_1_2", 1), 0);
        pending.due(1_000);
        pending.due(3_000);
        pending.due(7_000);
        pending.due(100_000); // gave up, never confirmed
        assertTrue(pending.pushed(message("g1", "d_1_2", 1), 100_001));
    }

    private static MessageFrame message(String id, String conversation, long seq) {
        return new MessageFrame(id, conversation, seq, 1, 2, "x", 0, "c" + id);
    }

    private static List<String> ids(List<MessageFrame> frames) {
        return frames.stream().map(MessageFrame::messageId).toList();
    }
}
