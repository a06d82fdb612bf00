package io.parley.loadlab.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerTest {
    private final Ledger ledger = new Ledger(500);

    @Test
    void aCleanExchangePassesWithLatencyFromTheIntendedTime() {
        ledger.sent("a-1", 1, "d_1_2", List.of(2L), 1_000, 0);
        ledger.acked("a-1", "m1", 1, 1_020);
        ledger.pushed(2, "a-1", "m1", "d_1_2", 1, 1_040);
        ledger.confirmed(2, "a-1", 1_050);
        ledger.sent("a-2", 1, "d_1_2", List.of(2L), 2_000, 0);
        ledger.pushed(2, "a-2", "m2", "d_1_2", 2, 2_300); // push before ack is fine
        ledger.acked("a-2", "m2", 2, 2_310);

        LedgerReport r = ledger.report();
        assertTrue(r.passed(), r.failures().toString());
        assertEquals(2, r.sent());
        assertEquals(2, r.acked());
        assertEquals(2, r.delivered());
        assertEquals(0, r.lost());
        assertEquals(300, r.latency().max());
        assertEquals(40, r.latency().p50());
        assertTrue(ledger.settled(2));
        assertTrue(ledger.settled(1));
    }

    @Test
    void anAckedMessageNeverDeliveredIsLostUnlessCatchUpFindsIt() {
        ledger.sent("a-1", 1, "d_1_2", List.of(2L), 1_000, 0);
        ledger.acked("a-1", "m1", 1, 1_020);
        assertFalse(ledger.settled(2));
        LedgerReport before = ledger.report();
        assertEquals(1, before.lost());
        assertFalse(before.passed());

        ledger.caughtUp(2, "a-1", "m1", 1);
        LedgerReport after = ledger.report();
        assertEquals(0, after.lost());
        assertEquals(1, after.caughtUp());
        assertTrue(after.passed(), after.failures().toString());
    }

    @Test
    void aPushOfAConfirmedMessageAfterTheGraceIsCountedBeforeItARedelivery() {
        ledger.sent("a-1", 1, "d_1_2", List.of(2L), 1_000, 0);
        ledger.acked("a-1", "m1", 1, 1_010);
        ledger.pushed(2, "a-1", "m1", "d_1_2", 1, 1_020);
        ledger.pushed(2, "a-1", "m1", "d_1_2", 1, 2_020); // unconfirmed yet: the 1 s retry
        ledger.confirmed(2, "a-1", 2_030);
        ledger.pushed(2, "a-1", "m1", "d_1_2", 1, 2_100); // in flight: within the grace
        ledger.pushed(2, "a-1", "m1", "d_1_2", 1, 4_100); // long after the confirmation

        LedgerReport r = ledger.report();
        assertEquals(1, r.duplicated());
        assertEquals(2, r.redelivered());
        assertTrue(r.passed(), "the protocol allows it while the confirmation is in flight");
    }

    @Test
    void aSecondStoredCopyOfASendFails() {
        ledger.sent("a-1", 1, "d_1_2", List.of(2L), 1_000, 0);
        ledger.resent("a-1");
        ledger.acked("a-1", "m1", 1, 1_010);
        ledger.acked("a-1", "m1", 1, 1_020); // the resend answered with the original ack: fine
        ledger.pushed(2, "a-1", "m1", "d_1_2", 1, 1_030);
        assertTrue(ledger.report().passed(), ledger.report().failures().toString());
        ledger.caughtUp(2, "a-1", "m9", 2);  // history holds another copy
        LedgerReport r = ledger.report();
        assertEquals(1, r.inconsistent());
        assertFalse(r.passed());
        assertEquals(1, r.resent());
    }

    @Test
    void seqGoingBackwardsInAConversationIsAnOrderBreak() {
        ledger.sent("a-1", 1, "d_1_2", List.of(2L), 1_000, 0);
        ledger.sent("a-2", 1, "d_1_2", List.of(2L), 1_001, 0);
        ledger.acked("a-1", "m1", 1, 1_010);
        ledger.acked("a-2", "m2", 2, 1_011);
        ledger.pushed(2, "a-2", "m2", "d_1_2", 2, 1_020);
        ledger.pushed(2, "a-1", "m1", "d_1_2", 1, 1_021);

        LedgerReport r = ledger.report();
        assertEquals(1, r.outOfOrder());
        assertFalse(r.passed());
    }

    @Test
    void refusedSendsAreNotLostAndUnansweredOnesFail() {
        ledger.sent("a-1", 1, "d_1_2", List.of(2L), 1_000, 0);
        ledger.refused("a-1", 1005);
        assertTrue(ledger.report().passed());
        assertEquals(1, ledger.report().refusedWith(1005));

        ledger.sent("a-2", 1, "d_1_2", List.of(2L), 1_000, 0);
        LedgerReport r = ledger.report();
        assertEquals(1, r.unanswered());
        assertFalse(r.passed());
        assertFalse(ledger.settled(1));
        assertTrue(r.failures().get(0).contains("from 1 senders (most: 1×1)"), r.failures()::toString);
    }

    @Test
    void fanOutIsTheLastMembersPushAndStepsAreReportedApart() {
        ledger.sent("g-1", 1, "g_9", List.of(2L, 3L, 4L), 1_000, 0);
        ledger.acked("g-1", "m1", 1, 1_005);
        ledger.pushed(2, "g-1", "m1", "g_9", 1, 1_010);
        ledger.pushed(3, "g-1", "m1", "g_9", 1, 1_030);
        ledger.pushed(4, "g-1", "m1", "g_9", 1, 1_090);
        ledger.sent("g-2", 1, "g_9", List.of(2L, 3L, 4L), 5_000, 1);
        ledger.acked("g-2", "m2", 2, 5_005);

        LedgerReport r = ledger.report();
        assertEquals(90, r.fanOut().max());
        assertEquals(2, r.steps().size());
        assertTrue(r.steps().get(0).passes(100));
        assertFalse(r.steps().get(1).passes(100));
        assertEquals(3, r.steps().get(1).lost());
    }

    @Test
    void percentilesUseTheNearestRank() {
        long[] ms = new long[1000];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = i + 1;
        }
        Percentiles p = Percentiles.of(ms);
        assertEquals(500, p.p50());
        assertEquals(990, p.p99());
        assertEquals(999, p.p999());
        assertEquals(1000, p.max());
    }

    /** 10,000 recipients, pushed in a shuffled order: found by search, not by a scan each. */
    @Test
    void aTenThousandMemberMessageIsTrackedPerRecipientAndOutsidersAreNotCounted() {
        List<Long> members = java.util.stream.LongStream.rangeClosed(2, 10_001).boxed()
                .collect(java.util.stream.Collectors.toList());
        ledger.sent("g-1", 1, "g_9", members, 1_000, 1);
        ledger.acked("g-1", "m1", 1, 1_010);
        java.util.Collections.shuffle(members, new java.util.Random(7));
        for (int i = 0; i < members.size() - 1; i++) {
            ledger.pushed(members.get(i), "g-1", "m1", "g_9", 1, 1_100 + i);
        }
        ledger.pushed(99_999, "g-1", "m1", "g_9", 1, 1_100); // not a member
        long last = members.get(members.size() - 1);
        LedgerReport r = ledger.report();
        assertEquals(10_000, r.expected());
        assertEquals(9_999, r.delivered());
        assertEquals(1, r.lost(), "the one member never pushed");
        assertEquals(1, r.unexpected());
        assertEquals(1_100 + 9_998 - 1_000, r.fanOut().max(), "to the last member pushed");
        assertEquals(java.util.Set.of(last), ledger.missingRecipients());
        assertEquals(9_999, ledger.stepDeliveries(1, id -> true)[0]);
        ledger.caughtUp(last, "g-1", "m1", 1);
        assertTrue(ledger.report().passed());
    }

    @Test
    void theHistoryAuditFailsASendStoredTwiceOrAckedWithoutARow() {
        ledger.sent("a-1", 1, "d_1_2", List.of(2L), 1_000, 0);
        ledger.acked("a-1", "m1", 1, 1_020);
        ledger.caughtUp(2, "a-1", "m1", 1);
        ledger.sent("a-2", 1, "d_1_2", List.of(2L), 2_000, 0); // never answered: its ack lost
        ledger.caughtUp(2, "a-2", "m2", 2);
        ledger.storedRow("a-1");
        ledger.storedRow("a-2");
        ledger.storedRow("other-run-7");
        HistoryAudit clean = ledger.historyAudit();
        assertEquals(2, clean.storedOnce());
        assertEquals(1, clean.unansweredStored());
        assertEquals(0, clean.storedTwice());
        assertEquals(1, ledger.report().failures().size(), ledger.report().failures().toString());

        ledger.storedRow("a-1");
        ledger.sent("a-3", 1, "d_1_2", List.of(2L), 3_000, 0);
        ledger.acked("a-3", "m3", 3, 3_020);
        ledger.caughtUp(2, "a-3", "m3", 3);
        HistoryAudit bad = ledger.historyAudit();
        assertEquals(1, bad.storedTwice());
        assertEquals(1, bad.ackedNotStored());
        assertTrue(ledger.report().failures().stream().anyMatch(f -> f.startsWith("history audit")),
                ledger.report().failures().toString());
    }

    @Test
    void aLedgerNeverAuditedHasNoAudit() {
        ledger.sent("a-1", 1, "d_1_2", List.of(2L), 1_000, 0);
        assertEquals(null, ledger.historyAudit());
    }
}
