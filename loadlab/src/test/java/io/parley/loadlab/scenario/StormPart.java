package io.parley.loadlab.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.parley.loadlab.client.ChatChains;
import io.parley.loadlab.client.ChatUser;
import io.parley.loadlab.client.LoadRun;
import io.parley.loadlab.client.Params;
import io.parley.loadlab.client.Population;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Scenario 6, connection storm and drain: {@code users} users in 1:1 pairs across both gateways
 * connect within {@code ramp} seconds, then chat lightly ({@code rate} messages per second in
 * all) for {@code duration} seconds. Its companion script drains gateway 1 (SIGTERM) once all are
 * connected; its users follow the {@code reconnect} frame to gateway 2, catch up and resend what
 * was not acknowledged. Reported: the time until all were connected (first connect to last
 * welcome), the time from the first {@code reconnect} until every told user was connected
 * elsewhere and caught up, and the ledger (nothing lost or duplicated). Prints
 * {@code loadlab storm: all N connected} for the script to start the drain.
 */
public final class StormPart implements Part {
    private static final long POLL_MS = 250;

    private final Params p;
    private final int users;
    private final double rate;
    private final int duration;
    private final int ramp;
    private final int drain;
    private final boolean login;
    private final LoadRun run;
    private volatile long loadStartMs;

    public StormPart(Params p) {
        this.p = p;
        this.users = p.integer("users", 1000);
        this.rate = p.decimal("rate", 100);
        this.duration = p.integer("duration", 60);
        this.ramp = p.integer("ramp", 10);
        this.drain = p.integer("drain", 30);
        this.login = p.flag("login", false);
        this.run = new LoadRun("storm", p);
    }

    @Override
    public List<PopulationBuilder> populations() {
        int n = users - users % 2;
        return List.of(scenario("storm")
                .feed(run.indexes(0, () -> run.population().size()))
                .exec(s -> s.set("user", run.user(s.getInt("index"),
                        sim -> run.newUser(sim, true, 0))))
                // the storm is of sockets: each user connects with the token the set-up's login
                // got (-Dlogin=true logs in inside the storm, as a browser opening the app would)
                .exec(login ? ChatChains.login() : ChatChains.setUpToken())
                // a socket refused while the gateways are busy (1013) is retried with the web
                // client's backoff: 49 of 5,000 were, at 500 connects/s (2026-12-01 23:36)
                .exec(ChatChains.connectWithBackoff("connect", 5))
                .exitHereIfFailed()
                .exec(ChatChains.chatFollowingDrains())
                .exec(ChatChains.catchUp())
                .injectOpen(rampUsers(n).during(Duration.ofSeconds(ramp))));
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofSeconds(ramp + duration + drain + 120);
    }

    @Override
    public void before() {
        int n = users - users % 2;
        run.prepare(() -> Population.pairs(run.name(), users, run.gateways(),
                p.integer("setupThreads", 8)), ramp, duration, List.of(rate / n), drain);
        loadStartMs = System.currentTimeMillis();
        Thread watch = new Thread(() -> watch(n), "storm-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Prints when all are connected (the drain's cue) and when all told users have moved. */
    private void watch(int n) {
        boolean connected = false;
        long deadline = System.currentTimeMillis() + maxDuration().toMillis();
        while (System.currentTimeMillis() < deadline) {
            Collection<ChatUser> all = run.users();
            if (!connected && all.size() >= n && all.stream().allMatch(u -> u.firstWelcomeMs() > 0)) {
                connected = true;
                long last = all.stream().mapToLong(ChatUser::firstWelcomeMs).max().orElse(0);
                run.figure("allConnectedSeconds", (last - loadStartMs) / 1000.0);
                System.out.printf("loadlab storm: all %d connected in %.1f s%n", n,
                        (last - loadStartMs) / 1000.0);
            }
            List<ChatUser> told = all.stream().filter(u -> u.toldToMoveMs() > 0).toList();
            if (connected && !told.isEmpty() && told.stream().allMatch(u -> u.movedMs() > 0)) {
                long first = told.stream().mapToLong(ChatUser::toldToMoveMs).min().orElse(0);
                long last = told.stream().mapToLong(ChatUser::movedMs).max().orElse(0);
                run.figure("usersMoved", told.size());
                run.figure("allMovedAndSyncedSeconds", (last - first) / 1000.0);
                System.out.printf("loadlab storm: %d users told to reconnect, all moved and "
                        + "caught up in %.1f s%n", told.size(), (last - first) / 1000.0);
                return;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void after() {
        long told = run.users().stream().filter(u -> u.toldToMoveMs() > 0).count();
        long moved = run.users().stream().filter(u -> u.movedMs() > 0).count();
        run.figure("usersTold", told);
        run.figure("usersMovedTotal", moved);
        // who still waits for an answer, and where it stood in the move: the unanswered sends'
        // story (issue #11)
        run.figure("unackedAtEnd", run.users().stream().filter(u -> !u.unacked().isEmpty())
                .limit(20).map(u -> "user " + u.sim().userId() + " on " + u.gateway()
                        + " told " + u.toldToMoveMs() + " moved " + u.movedMs() + " last frame "
                        + u.lastFrameMs() + " unacked " + u.unacked()).toList());
        // storm.sh drains the first gateway: every user set up there must have read reconnect
        java.net.URI drained = run.gateways().get(0);
        long onDrained = run.users().stream().filter(u -> u.sim().gateway().equals(drained))
                .count();
        run.figure("usersOnDrainedGateway", onDrained);
        if (told == 0) {
            run.fail("no user was told to reconnect: was gateway 1 drained (storm.sh)?");
        } else if (told < onDrained) {
            run.fail("only " + told + " of the " + onDrained + " users on the drained gateway "
                    + "read reconnect: the rest had finished (a drain after the send schedule: "
                    + "raise -Dduration) or were closed with 4411 first");
        }
        if (told > 0 && moved < told) {
            run.fail((told - moved) + " of " + told + " users told to reconnect did not move");
        }
        run.auditHistory(p.integer("setupThreads", 8));
        run.finish();
    }
}
