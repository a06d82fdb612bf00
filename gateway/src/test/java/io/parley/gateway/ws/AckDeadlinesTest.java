package io.parley.gateway.ws;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckDeadlinesTest {

    @Test
    void anUnansweredSendTimesOutOnceAndAnAnsweredOneNever() throws Exception {
        AckDeadlines deadlines = new AckDeadlines(new AckSettings(Duration.ofMillis(100)));
        try {
            CountDownLatch timedOut = new CountDownLatch(1);
            AtomicInteger answeredTimeouts = new AtomicInteger();
            deadlines.expect("c1", "m1", timedOut::countDown);
            deadlines.expect("c1", "m2", answeredTimeouts::incrementAndGet);
            deadlines.settle("c1", "m2");

            assertTrue(timedOut.await(10, TimeUnit.SECONDS), "m1 timed out");
            Thread.sleep(300);
            assertEquals(0, answeredTimeouts.get(), "m2 was answered in time");
            assertEquals(0, deadlines.size(), "nothing left pending");
        } finally {
            deadlines.stop();
        }
    }

    @Test
    void theSameClientMsgIdOnAnotherSocketIsAnotherSend() throws Exception {
        AckDeadlines deadlines = new AckDeadlines(new AckSettings(Duration.ofMillis(100)));
        try {
            CountDownLatch timedOut = new CountDownLatch(1);
            deadlines.expect("c1", "m1", timedOut::countDown);
            deadlines.expect("c2", "m1", () -> { });
            deadlines.settle("c2", "m1");
            assertTrue(timedOut.await(10, TimeUnit.SECONDS));
        } finally {
            deadlines.stop();
        }
    }
}
