package io.parley.loadlab.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.parley.loadlab.client.ChatChains;
import io.parley.loadlab.client.ChatUser;
import io.parley.loadlab.client.LoadRun;
import io.parley.loadlab.client.Params;
import io.parley.loadlab.client.Population;
import io.parley.loadlab.ledger.LedgerReport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Scenario 5, large-group read diffusion: one open group of {@code members} users created through
 * the API (the owner invites them, 100 per call), {@code connected} of them online (alternating
 * gateways), {@code senders} of those sending {@code rate} messages per second in total. Reports
 * deliveries per second per gateway and the fan-out latency (intended send time to the last live
 * member's frame). The members not connected log in after the sends and catch up by seq through
 * the history API; the ledger holds every member to every message.
 */
public final class LargeGroupPart implements Part {
    private final Params p;
    private final int members;
    private final int connected;
    private final int senders;
    private final double rate;
    private final int duration;
    private final int ramp;
    private final int drain;
    private final LoadRun run;

    public LargeGroupPart(Params p) {
        this.p = p;
        this.members = p.integer("members", 1000);
        this.connected = Math.min(members, p.integer("connected", 200));
        this.senders = Math.min(connected, p.integer("senders", 4));
        this.rate = p.decimal("rate", 2);
        this.duration = p.integer("duration", 30);
        this.ramp = p.integer("ramp", 15);
        this.drain = p.integer("drain", 20);
        this.run = new LoadRun("group", p);
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofSeconds(ramp + duration + drain + 180L);
    }

    @Override
    public List<PopulationBuilder> populations() {
        ScenarioBuilder online = ChatChains.chatter(run, "group-online", 0, connected, this::client, false);
        // offline members: log in once the sends are over and read the history from seq 0
        ScenarioBuilder offline = scenario("group-offline")
                .feed(run.indexes(connected, () -> run.population().size()))
                .exec(s -> s.set("user", run.user(s.getInt("index"),
                        sim -> run.newUser(sim, run.scheduleAt(List.of(0.0)), true, 0))))
                .exec(ChatChains.login())
                .exec(ChatChains.catchUp());
        int offlineCount = members - connected;
        if (offlineCount == 0) {
            return List.of(online.injectOpen(rampUsers(connected).during(Duration.ofSeconds(ramp))));
        }
        return List.of(online.injectOpen(rampUsers(connected).during(Duration.ofSeconds(ramp))),
                offline.injectOpen(nothingFor(Duration.ofSeconds(ramp + 2L + duration + 5L)),
                        rampUsers(offlineCount).during(Duration.ofSeconds(
                                Math.max(1, offlineCount / 50)))));
    }

    /** The first {@code senders} members send; the others only read (and confirm). */
    private ChatUser client(io.parley.loadlab.client.SimUser sim) {
        double hz = sim.index() < senders ? rate / senders : 0.0;
        return run.newUser(sim, run.scheduleAt(List.of(hz)), true, 0);
    }

    @Override
    public void before() {
        run.prepare(() -> Population.group("group", members, run.gateways(),
                p.integer("setupThreads", 8)), ramp, duration, List.of(0.0), drain);
    }

    @Override
    public void after() {
        LedgerReport r = run.ledger().report();
        Map<String, Long> perGateway = new TreeMap<>();
        for (ChatUser u : run.users()) {
            perGateway.merge(u.sim().gateway().toString(), u.pushes(), Long::sum);
        }
        Map<String, Double> perSecond = new TreeMap<>();
        perGateway.forEach((gw, n) -> perSecond.put(gw, n / (double) duration));
        run.figure("members", members);
        run.figure("connected", connected);
        run.figure("groupMessages", r.sent());
        run.figure("deliveriesPerSecondByGateway", perSecond);
        run.figure("deliveriesPerSecond", r.deliveredLive() / (double) duration);
        run.figure("fanOutMs", r.fanOut());
        run.finish();
    }
}
