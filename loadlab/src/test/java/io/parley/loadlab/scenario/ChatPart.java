package io.parley.loadlab.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.parley.loadlab.client.ChatChains;
import io.parley.loadlab.client.LoadRun;
import io.parley.loadlab.client.Params;
import io.parley.loadlab.client.Population;
import io.parley.loadlab.ledger.LedgerReport;
import io.parley.loadlab.ledger.StepReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * Scenario 1, chat steady state: {@code users} users in 1:1 pairs, the two of each pair on
 * different gateways, sending {@code rate} messages per second in total for {@code duration}
 * seconds at a fixed, open-model schedule. With {@code -Dladder=50,100,200} it runs one step of
 * {@code stepSeconds} per total rate instead and reports the highest step whose p99 is under
 * {@code p99LimitMs} with nothing lost, and the first step that is not.
 */
public final class ChatPart implements Part {
    private final Params p;
    private final int users;
    private final List<Double> rates;
    private final boolean ladder;
    private final int stepSeconds;
    private final int ramp;
    private final int drain;
    private final long p99Limit;
    private final boolean reconnect;
    private final LoadRun run;

    public ChatPart(Params p) {
        this.p = p;
        this.users = p.integer("users", 200);
        this.rates = p.decimals("ladder", "").isEmpty() ? p.decimals("rate", "100")
                : p.decimals("ladder", "");
        this.ladder = !p.text("ladder", "").isBlank();
        this.stepSeconds = p.integer(ladder ? "stepSeconds" : "duration",
            ladder ? 30 : 60);
        this.ramp = p.integer("ramp", 10);
        this.drain = p.integer("drain", 20);
        this.p99Limit = p.integer("p99LimitMs", 100);
        this.reconnect = p.flag("reconnect", true);
        this.run = new LoadRun(p.text("scenarioName", "chat"), p);
    }

    @Override
    public List<PopulationBuilder> populations() {
        ScenarioBuilder chatters = ChatChains.chatter(run, run.name(), 0, Integer.MAX_VALUE,
                sim -> run.newUser(sim, true, 0), reconnect);
        return List.of(chatters.injectOpen(rampUsers(users - users % 2)
                .during(Duration.ofSeconds(ramp))));
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofSeconds(ramp + (long) stepSeconds * rates.size() + drain + 120);
    }

    @Override
    public void before() {
        List<Double> perUser = rates.stream().map(r -> r / (users - users % 2)).toList();
        run.prepare(() -> Population.pairs(run.name(), users, run.gateways(),
                p.integer("setupThreads", 8)), ramp, stepSeconds, perUser, drain);
    }

    @Override
    public void after() {
        LedgerReport r = run.ledger().report();
        run.figure("messagesPerSecond", r.sent() / (double) (stepSeconds * rates.size()));
        if (ladder) {
            List<Map<String, Object>> steps = new ArrayList<>();
            Integer highestPassing = null;
            Integer firstFailing = null;
            for (StepReport s : r.steps()) {
                boolean ok = s.passes(p99Limit);
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("rate", rates.get(s.step()));
                step.put("sent", s.sent());
                step.put("lost", s.lost());
                step.put("p99", s.latency().p99());
                step.put("passed", ok);
                steps.add(step);
                if (ok && firstFailing == null) {
                    highestPassing = s.step();
                } else if (!ok && firstFailing == null) {
                    firstFailing = s.step();
                }
            }
            run.figure("ladder", steps);
            run.figure("highestPassingRate", highestPassing == null ? null : rates.get(highestPassing));
            run.figure("firstFailingRate", firstFailing == null ? null : rates.get(firstFailing));
            System.out.printf("loadlab ladder: highest passing %s msg/s, first failing %s msg/s "
                            + "(p99 < %d ms, nothing lost)%n",
                    highestPassing == null ? "none" : rates.get(highestPassing),
                    firstFailing == null ? "none" : rates.get(firstFailing), p99Limit);
        }
        run.finish();
    }
}
