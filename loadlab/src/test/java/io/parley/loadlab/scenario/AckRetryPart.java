package io.parley.loadlab.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.parley.loadlab.client.ChatChains;
import io.parley.loadlab.client.LoadRun;
import io.parley.loadlab.client.Params;
import io.parley.loadlab.client.Population;
import io.parley.loadlab.client.SimUser;
import io.parley.loadlab.ledger.LedgerReport;
import io.parley.loadlab.ledger.Percentiles;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * Scenario 4, ACK retries: {@code users} users in pairs chatting at {@code rate} in total;
 * {@code withholdPercent}% never send {@code received}, and {@code resendPercent}% resend every
 * send with the same client message id until it is acknowledged (a client whose ack timeout,
 * {@code resendAfterMs}, is shorter than the server's answer). Checks: every message to a
 * withholding user is pushed 1 + {@code maxAttempts} times with gaps near the configured
 * 1/2/4 s schedule ({@code firstRetryMs} doubling); after a reconnect and catch-up everyone holds
 * every message exactly once (the ledger: no loss, no duplicate of a confirmed message); a resent
 * client message id is stored once (every ack and the history name one message id and seq).
 */
public final class AckRetryPart implements Part {
    private final Params p;
    private final int users;
    private final double rate;
    private final int duration;
    private final int ramp;
    private final int drain;
    private final int withholdPercent;
    private final int resendPercent;
    private final long resendAfterMs;
    private final int maxAttempts;
    private final long firstRetryMs;
    private final LoadRun run;
    private final Set<Long> withholding = new HashSet<>();

    public AckRetryPart(Params p) {
        this.p = p;
        this.users = p.integer("users", 100) / 2 * 2;
        this.rate = p.decimal("rate", 20);
        this.duration = p.integer("duration", 30);
        this.ramp = p.integer("ramp", 10);
        this.drain = p.integer("drain", 20);
        this.withholdPercent = p.integer("withholdPercent", 10);
        this.resendPercent = p.integer("resendPercent", 10);
        this.resendAfterMs = p.integer("resendAfterMs", 1);
        this.maxAttempts = p.integer("maxAttempts", 3);
        this.firstRetryMs = p.integer("firstRetryMs", 1000);
        this.run = new LoadRun("ackretry", p);
    }

    @Override
    public List<PopulationBuilder> populations() {
        return List.of(ChatChains.chatter(run, "ackretry", 0, users, this::client, true)
                .injectOpen(rampUsers(users).during(Duration.ofSeconds(ramp))));
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofSeconds(ramp + duration + drain + 120L);
    }

    /** By index: every tenth (by default) withholds, every tenth from the fifth resends. */
    private io.parley.loadlab.client.ChatUser client(SimUser sim) {
        boolean withholds = every(withholdPercent, sim.index(), 0);
        boolean resends = every(resendPercent, sim.index(), 5);
        // withholders stay through the whole retry schedule of their last message
        long schedule = (firstRetryMs << maxAttempts) + 2000;
        return run.newUser(sim, !withholds, resends ? resendAfterMs : 0)
                .linger(withholds ? schedule : 0);
    }

    private static boolean every(int percent, int index, int phase) {
        if (percent <= 0) {
            return false;
        }
        int period = Math.max(1, 100 / percent);
        return index % period == phase % period;
    }

    @Override
    public void before() {
        run.prepare(() -> Population.pairs("ackretry", users, run.gateways(),
                p.integer("setupThreads", 8)), ramp, duration, List.of(rate / users), drain);
        for (SimUser u : run.population()) {
            if (every(withholdPercent, u.index(), 0)) {
                withholding.add(u.userId());
            }
        }
    }

    @Override
    public void after() {
        LedgerReport r = run.ledger().report();
        Map<Integer, Long> pushes = run.ledger().pushCounts(withholding::contains);
        List<Percentiles> gaps = run.ledger().retryGaps();
        run.figure("withholdingUsers", withholding.size());
        run.figure("pushesPerWithheldMessage", pushes);
        run.figure("retryGapsMs", gaps);
        run.figure("resent", r.resent());
        long expectedPushes = 1L + maxAttempts;
        long total = pushes.values().stream().mapToLong(Long::longValue).sum();
        long exact = pushes.getOrDefault((int) expectedPushes, 0L);
        if (withholding.isEmpty() || total == 0) {
            run.fail("no message reached a withholding user");
        } else if (exact < total * 0.95) {
            run.fail("only " + exact + " of " + total + " withheld messages were pushed "
                    + expectedPushes + " times: " + pushes);
        }
        long previous = 0;
        for (int i = 0; i < maxAttempts && i < 3; i++) {
            long want = firstRetryMs << i;
            long median = gaps.get(i).p50();
            // wide: the gateway sweeps every 250 ms, and the gap is read at the client, where a
            // first push that queued behind the load (p50 latency ~0.5 s in CI) arrives late and
            // its retry, on an emptier path, on time; so the lower bound is half the schedule
            if (median < want * 0.5 || median > want * 1.6 + 500) {
                run.fail("retry " + (i + 1) + " came after a median " + median + " ms, not ~" + want);
            }
            // the schedule's shape: each wait longer than the one before
            if (median <= previous) {
                run.fail("retry " + (i + 1) + " came after a median " + median
                        + " ms, not later than retry " + i + " (" + previous + " ms)");
            }
            previous = median;
        }
        if (resendPercent > 0 && r.resent() == 0) {
            run.fail("no send was resent: raise resendPercent or lower resendAfterMs");
        }
        run.finish();
    }
}
