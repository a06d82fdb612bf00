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
 * gateways), {@code senders} of those sending {@code rate} messages per second in total for
 * {@code duration} seconds — or, with {@code -Drates=1,1,1,20}, one step of {@code duration}
 * seconds per total rate (a steady load, then a burst). Reports deliveries per second per gateway
 * (for the whole send window and per step) and the fan-out latency (intended send time to the last
 * live member's frame), per step too. The members not connected log in after the sends and catch
 * up by seq through the history API; the ledger holds every member to every message.
 */
public final class LargeGroupPart implements Part {
    private final Params p;
    private final int members;
    private final int connected;
    private final int senders;
    private final List<Double> rates;
    private final int duration;
    private final int ramp;
    private final int drain;
    private final LoadRun run;

    public LargeGroupPart(Params p) {
        this.p = p;
        this.members = p.integer("members", 1000);
        this.connected = Math.min(members, p.integer("connected", 200));
        this.senders = Math.min(connected, p.integer("senders", 4));
        List<Double> steps = p.decimals("rates", "");
        this.rates = steps.isEmpty() ? List.of(p.decimal("rate", 2)) : steps;
        this.duration = p.integer("duration", 30);
        this.ramp = p.integer("ramp", 15);
        this.drain = p.integer("drain", 20);
        this.run = new LoadRun("group", p);
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofSeconds(ramp + (long) duration * rates.size() + drain + 180L);
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
                offline.injectOpen(nothingFor(Duration.ofSeconds(
                                ramp + 2L + (long) duration * rates.size() + 5L)),
                        rampUsers(offlineCount).during(Duration.ofSeconds(
                                Math.max(1, offlineCount / 50)))));
    }

    /** The first {@code senders} members send; the others only read (and confirm). */
    private ChatUser client(io.parley.loadlab.client.SimUser sim) {
        List<Double> hz = rates.stream().map(r -> sim.index() < senders ? r / senders : 0.0)
                .toList();
        return run.newUser(sim, run.scheduleAt(hz), true, 0);
    }

    @Override
    public void before() {
        run.prepare(() -> Population.group("group", members, run.gateways(),
                p.integer("setupThreads", 8), p.integer("maxInvitees", 100)), ramp, duration,
                rates.stream().map(r -> 0.0).toList(), drain);
    }

    @Override
    public void after() {
        run.finalCatchUp(); // the step figures' "lost" is then the run's
        LedgerReport r = run.ledger().report();
        Map<String, Long> perGateway = new TreeMap<>();
        for (ChatUser u : run.users()) {
            perGateway.merge(u.sim().gateway().toString(), u.pushes(), Long::sum);
        }
        Map<String, Double> perSecond = new TreeMap<>();
        long window = (long) duration * rates.size();
        perGateway.forEach((gw, n) -> perSecond.put(gw, n / (double) window));
        // per step: live first deliveries of that step's messages per gateway, over the time from
        // its first intended send to its last first push (how fast a burst got through)
        Map<Long, String> gatewayOf = new java.util.HashMap<>();
        run.population().forEach(u -> gatewayOf.put(u.userId(), u.gateway().toString()));
        List<Map<String, Object>> stepFigures = new java.util.ArrayList<>();
        for (io.parley.loadlab.ledger.StepReport s : r.steps()) {
            Map<String, Object> step = new java.util.LinkedHashMap<>();
            step.put("rate", rates.get(s.step()));
            step.put("sent", s.sent());
            step.put("lost", s.lost());
            step.put("latencyMs", s.latency());
            step.put("fanOutMs", s.fanOut());
            Map<String, Object> byGateway = new TreeMap<>();
            for (String gw : new java.util.TreeSet<>(gatewayOf.values())) {
                long[] d = run.ledger().stepDeliveries(s.step(),
                        id -> gw.equals(gatewayOf.get(id)));
                double secs = Math.max(0.001, (d[2] - d[1]) / 1000.0);
                byGateway.put(gw, Map.of("deliveries", d[0], "seconds", secs,
                        "perSecond", d[0] / secs));
            }
            step.put("deliveriesByGateway", byGateway);
            stepFigures.add(step);
        }
        run.figure("steps", stepFigures);
        run.figure("scheduleStartMs", run.schedule().startMs());
        run.figure("stepMs", run.schedule().stepMs());
        run.figure("members", members);
        run.figure("connected", connected);
        // online members whose socket was welcomed (a login or connect refused under load ends
        // that virtual user; its messages then come by the final catch-up)
        run.figure("welcomed", run.users().stream().filter(u -> u.sim().index() < connected)
                .filter(ChatUser::welcomedOnce).count());
        run.figure("groupMessages", r.sent());
        run.figure("deliveriesPerSecondByGateway", perSecond);
        run.figure("deliveriesPerSecond", r.deliveredLive() / (double) window);
        run.figure("fanOutMs", r.fanOut());
        run.finish();
    }
}
