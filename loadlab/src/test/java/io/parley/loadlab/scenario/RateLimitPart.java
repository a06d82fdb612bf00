package io.parley.loadlab.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.parley.loadlab.client.ChatChains;
import io.parley.loadlab.client.LoadRun;
import io.parley.loadlab.client.Params;
import io.parley.loadlab.client.Population;
import io.parley.loadlab.client.SimUser;
import io.parley.loadlab.ledger.LedgerReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * Scenario 2, rate limits: {@code users} users in pairs; in {@code floodPercent}% of them one
 * user floods at {@code floodRate} sends per second from each of two tabs, one on each gateway
 * (its peer only listens), the others chat at {@code rate} in total. Checks: the flooders get
 * {@code error} 1005, no flooder has more sends stored (acknowledged) than its budget allows
 * ({@code budgetBurst} + {@code budgetRate} x seconds, x the gateways when the budget is per
 * gateway: {@code -DsharedBudget=false}), and the others lose nothing. Their latency is the
 * summary's step 0; the flood's is step 1.
 */
public final class RateLimitPart implements Part {
    private final Params p;
    private final int users;
    private final double rate;
    private final int floodPercent;
    private final double floodRate;
    private final int duration;
    private final int ramp;
    private final int drain;
    private final double budgetRate;
    private final int budgetBurst;
    private final boolean sharedBudget;
    private final int floodPairs;
    private final LoadRun run;
    private final Set<Long> flooders = new HashSet<>();

    public RateLimitPart(Params p) {
        this.p = p;
        this.users = p.integer("users", 100) / 2 * 2;
        this.rate = p.decimal("rate", 50);
        this.floodPercent = p.integer("floodPercent", 5);
        this.floodRate = p.decimal("floodRate", 40);
        this.duration = p.integer("duration", 30);
        this.ramp = p.integer("ramp", 10);
        this.drain = p.integer("drain", 15);
        this.budgetRate = p.decimal("budgetRate", 20);
        this.budgetBurst = p.integer("budgetBurst", 40);
        this.sharedBudget = p.flag("sharedBudget", true);
        this.floodPairs = Math.max(1, users * floodPercent / 100);
        this.run = new LoadRun("ratelimit", p);
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofSeconds(ramp + duration + drain + 120L);
    }

    @Override
    public List<PopulationBuilder> populations() {
        int normal = users - 2 * floodPairs;
        return List.of(
                ChatChains.chatter(run, "ratelimit-chat", 2 * floodPairs, users,
                        sim -> run.newUser(sim, true, 0), false)
                        .injectOpen(rampUsers(normal).during(Duration.ofSeconds(ramp))),
                ChatChains.chatter(run, "flood", 0, 2 * floodPairs, this::floodPairMember, false)
                        .injectOpen(rampUsers(2 * floodPairs).during(Duration.ofSeconds(ramp))),
                ChatChains.chatter(run, "flood-tab", users, users + floodPairs,
                        sim -> run.newUser(sim, run.scheduleAt(List.of(floodRate)), true, 0)
                                .stepOffset(1), false)
                        .injectOpen(rampUsers(floodPairs).during(Duration.ofSeconds(ramp))));
    }

    /** Even members flood (step 1 of the ledger), odd ones only listen. */
    private io.parley.loadlab.client.ChatUser floodPairMember(SimUser sim) {
        if (sim.index() % 2 == 0) {
            return run.newUser(sim, run.scheduleAt(List.of(floodRate)), true, 0).stepOffset(1);
        }
        return run.newUser(sim, run.scheduleAt(List.of(0.0)), true, 0);
    }

    @Override
    public void before() {
        int normal = users - 2 * floodPairs;
        run.prepare(() -> Population.pairs("ratelimit", users, run.gateways(),
                p.integer("setupThreads", 8)), ramp, duration,
                List.of(normal == 0 ? 0 : rate / normal), drain);
        List<SimUser> pop = run.population();
        for (int i = 0; i < floodPairs; i++) {
            SimUser f = pop.get(2 * i);
            flooders.add(f.userId());
            // the second tab on the other gateway
            run.addTab(f, run.gateways().get((run.gateways().indexOf(f.gateway()) + 1)
                    % run.gateways().size()));
        }
    }

    @Override
    public void after() {
        LedgerReport r = run.ledger().report();
        int gatewaysUsed = Math.min(2, run.gateways().size());
        double allowed = (budgetBurst + budgetRate * duration) * (sharedBudget ? 1 : gatewaysUsed);
        List<Long> storedPerFlooder = new ArrayList<>();
        for (long f : flooders) {
            storedPerFlooder.add(run.ledger().ackedFrom(id -> id == f));
        }
        long worst = storedPerFlooder.stream().mapToLong(Long::longValue).max().orElse(0);
        run.figure("flooders", flooders.size());
        run.figure("floodRatePerTab", floodRate);
        run.figure("rateLimited1005", r.refusedWith(1005));
        run.figure("storedPerFlooder", storedPerFlooder);
        run.figure("storedBudgetPerFlooder", allowed);
        run.figure("sharedBudget", sharedBudget);
        if (r.refusedWith(1005) == 0) {
            run.fail("no flooder got 1005");
        }
        // 5% for the token bucket's edges: the window is a little longer than the send schedule
        if (worst > allowed * 1.05 + 5) {
            run.fail("a flooder has " + worst + " sends stored, over its budget of " + allowed);
        }
        run.finish();
    }
}
