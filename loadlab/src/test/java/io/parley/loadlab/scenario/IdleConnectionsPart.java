package io.parley.loadlab.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.parley.loadlab.client.ChatChains;
import io.parley.loadlab.client.ChatUser;
import io.parley.loadlab.client.LoadRun;
import io.parley.loadlab.client.Params;
import io.parley.loadlab.client.Population;

import java.time.Duration;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * Idle connections, for the memory a gateway spends per socket: {@code users} users (befriended
 * in pairs, as browsers would be) log in, open the WebSocket, and then only ping every heartbeat
 * for {@code hold} seconds; they send no message. {@code loadlab/scripts/idle-memory.sh} runs it
 * against one gateway and reads that gateway's RSS and heap before and during the hold. The run
 * fails when a user could not connect.
 */
public final class IdleConnectionsPart implements Part {
    private final Params p;
    private final int users;
    private final int ramp;
    private final int hold;
    private final LoadRun run;

    public IdleConnectionsPart(Params p) {
        this.p = p;
        this.users = p.integer("users", 2000);
        this.ramp = p.integer("ramp", 30);
        this.hold = p.integer("hold", 60);
        this.run = new LoadRun("idle", p, false);
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofSeconds(ramp + hold + 120L);
    }

    @Override
    public List<PopulationBuilder> populations() {
        ScenarioBuilder idle = scenario("idle")
                .feed(run.indexes(0, () -> run.population().size()))
                .exec(s -> s.set("user", run.user(s.getInt("index"),
                        sim -> run.newUser(sim, false, 0))))
                // a login or connect the busy system refuses (503, close 1013) is tried again
                // after a pause, as the web client does
                .tryMax(10, "attempt").on(
                        doIf(s -> s.getInt("attempt") > 0).then(pause(2))
                        // a socket the gateway closed (1013) is dropped before connecting again
                        .doIf(s -> s.contains("socket")).then(
                                exec(s -> s.remove("socket")).exec(ws("discard").close()))
                        .exec(ChatChains.login())
                        .exec(s -> s.set("socket", true))
                        .exec(ChatChains.connect("connect")))
                .exitHereIfFailed()
                // everyone holds until the same moment: ramp + hold after the first login
                .exec(s -> s.set("holdUntil", run.schedule().startMs() + hold * 1000L))
                .asLongAs(s -> System.currentTimeMillis() < s.getLong("holdUntil")).on(
                        pause(s -> Duration.ofSeconds(s.getInt("heartbeat")))
                        .exec(ChatChains.send(s -> "{\"type\":\"ping\"}")))
                .exec(ws("close").close());
        return List.of(idle.injectOpen(rampUsers(users - users % 2)
                .during(Duration.ofSeconds(ramp))));
    }

    @Override
    public void before() {
        run.prepare(() -> Population.pairs("idle", users, run.gateways(),
                p.integer("setupThreads", 8)), ramp, hold, List.of(0.0), 0);
    }

    @Override
    public void after() {
        long welcomed = run.users().stream().filter(ChatUser::welcomedOnce).count();
        run.figure("users", users);
        run.figure("connected", welcomed);
        run.figure("holdSeconds", hold);
        if (welcomed < users - users % 2) {
            run.fail((users - users % 2 - welcomed) + " users never got welcome");
        }
        run.finish();
    }
}
