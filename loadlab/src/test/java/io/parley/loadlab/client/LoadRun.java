package io.parley.loadlab.client;

import io.parley.loadlab.ledger.Ledger;
import io.parley.loadlab.ledger.LedgerReport;
import io.parley.loadlab.run.RunSummary;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One run of a scenario: its parameters, its population (set up before the load), the ledger, the
 * send schedule, the users' client state, and at the end the summary in the run's folder
 * ({@code -Dloadlab.runDir}, which loadlab/scripts/run.sh sets; {@code target/runs/<name>-<time>}
 * otherwise).
 */
public final class LoadRun {
    private final String name;
    private final Params params;
    private final Ledger ledger;
    private final List<URI> gateways;
    private final Path runDir;
    private final long createdMs = System.currentTimeMillis();
    private final Map<Integer, ChatUser> users = new ConcurrentHashMap<>();
    private final Map<String, Object> figures = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile List<SimUser> population = List.of();
    private final List<SimUser> tabs = Collections.synchronizedList(new ArrayList<>());
    private volatile SendSchedule schedule;
    private volatile long drainUntilMs;
    private volatile String startedAt;
    private volatile java.net.URI answering;

    public LoadRun(String name, Params params) {
        this(name, params, true);
    }

    /** A run whose users may send nothing at all ({@code sends} false: idle connections). */
    public LoadRun(String name, Params params, boolean sends) {
        this.name = name;
        this.params = params;
        this.ledger = new Ledger(params.integer("duplicateGraceMs", 800), sends);
        this.gateways = params.gateways();
        Path base = Path.of(System.getProperty("loadlab.runDir",
                "target/runs/" + name + "-" + System.currentTimeMillis()));
        // inside a combined run (the gate) each scenario has a folder of its own
        this.runDir = params.prefix().isEmpty() ? base : base.resolve(name);
    }

    public String name() {
        return name;
    }

    public Params params() {
        return params;
    }

    public Ledger ledger() {
        return ledger;
    }

    public List<URI> gateways() {
        return gateways;
    }

    public List<SimUser> population() {
        return population;
    }

    /**
     * Sets the population up (in the simulation's {@code before}) and lays out the schedule: sends
     * start {@code rampSeconds} + 2 s from now (everyone connected), one step of {@code stepSeconds}
     * per rate, then a drain of up to {@code drainSeconds}.
     */
    public void prepare(Supplier<List<SimUser>> setUp, int rampSeconds, int stepSeconds,
                        List<Double> perUserHz, int drainSeconds) {
        long t = System.currentTimeMillis();
        population = setUp.get();
        System.out.printf("loadlab: %d users set up in %.1f s%n", population.size(),
                (System.currentTimeMillis() - t) / 1000.0);
        long start = System.currentTimeMillis() + rampSeconds * 1000L + 2000;
        schedule = new SendSchedule(start, stepSeconds * 1000L, perUserHz);
        drainUntilMs = schedule.endMs() + drainSeconds * 1000L;
        startedAt = Instant.ofEpochMilli(start).toString();
    }

    public long drainUntilMs() {
        return drainUntilMs;
    }

    public SendSchedule schedule() {
        return schedule;
    }

    /**
     * The client state of a population member (or, past the population's end, of a second tab),
     * created on first use.
     */
    public ChatUser user(int index, Function<SimUser, ChatUser> create) {
        return users.computeIfAbsent(index, i -> create.apply(
                i < population.size() ? population.get(i) : tabs.get(i - population.size())));
    }

    /**
     * A second browser tab of a member, on another gateway: the same account, a client state of
     * its own. Returns its index (for {@link #user}).
     */
    public int addTab(SimUser member, java.net.URI gateway) {
        synchronized (tabs) {
            int index = population.size() + tabs.size();
            tabs.add(new SimUser(index, member.phone(), member.password(), member.userId(),
                    gateway, member.peerId(), member.conversationId(), member.recipients(),
                    member.baselineSeq(), member.token()));
            return index;
        }
    }

    public int tabCount() {
        return tabs.size();
    }

    public ChatUser newUser(SimUser sim, boolean confirms, long resendAfterMs) {
        return newUser(sim, schedule, confirms, resendAfterMs);
    }

    /** A client with a send schedule of its own (a flooder, a silent member). */
    public ChatUser newUser(SimUser sim, SendSchedule own, boolean confirms, long resendAfterMs) {
        return new ChatUser(sim, ledger, own, "r" + (createdMs % 1_000_000_000L), drainUntilMs,
                confirms, resendAfterMs, Math.random(),
                params.integer("tickMs", (int) ChatUser.DEFAULT_TICK_MS)).gateways(gateways);
    }

    /** The run's schedule with other rates per step (0: never sends). */
    public SendSchedule scheduleAt(List<Double> perUserHz) {
        return new SendSchedule(schedule.startMs(), schedule.stepMs(), perUserHz);
    }

    /** Clients created so far. */
    public java.util.Collection<ChatUser> users() {
        return users.values();
    }

    /** Feeds population indexes {@code from} (inclusive) to {@code to} (exclusive). */
    public Iterator<Map<String, Object>> indexes(int from, Supplier<Integer> to) {
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next < to.get();
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("index", next++);
            }
        };
    }

    public void figure(String key, Object value) {
        figures.put(key, value);
    }

    public void fail(String why) {
        failures.add(why);
    }

    public Path runDir() {
        return runDir;
    }

    /**
     * Recipients still missing an acknowledged message read their history once more, after the
     * whole load (a message acknowledged after a user's own catch-up is not lost). Only a message
     * missing from the history, too, counts as lost. {@link #finish} runs it; a scenario that
     * reports per-step figures runs it first (a second run finds no one missing).
     */
    public void finalCatchUp() {
        java.util.Set<Long> missing = ledger.missingRecipients();
        if (missing.isEmpty()) {
            return;
        }
        int n = 0;
        for (SimUser u : population) {
            if (!missing.remove(u.userId())) {
                continue;
            }
            n++;
            // the set-up's token, through any gateway that answers: the storm drains one
            long after = u.baselineSeq();
            while (after >= 0) {
                Api.Reply page = anyGateway("/api/conversations/" + u.conversationId()
                        + "/messages?limit=50&afterSeq=" + after, u.token()).expect(200);
                long last = -1;
                for (com.fasterxml.jackson.databind.JsonNode m : page.body().path("items")) {
                    last = m.path("seq").asLong();
                    if (m.path("from").asLong() != u.userId()) {
                        ledger.caughtUp(u.userId(), m.path("clientMsgId").asText(),
                                m.path("messageId").asText(), last);
                    }
                }
                after = page.body().path("hasMore").asBoolean(false) ? last : -1;
            }
        }
        figures.put("finalCatchUpUsers", n);
    }

    /**
     * Reads every conversation of the population once, after the load, and tells the ledger each
     * row (the history audit: each send stored once, every acknowledged one stored). Uses the
     * set-up's tokens, one member per conversation, {@code threads} at a time.
     */
    public void auditHistory(int threads) {
        Map<String, SimUser> readers = new LinkedHashMap<>();
        population.forEach(u -> readers.putIfAbsent(u.conversationId(), u));
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<java.util.concurrent.Future<?>> reads = new ArrayList<>();
            for (SimUser u : readers.values()) {
                reads.add(pool.submit(() -> readAll(u)));
            }
            for (java.util.concurrent.Future<?> f : reads) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("history audit interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            failures.add("history audit failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void readAll(SimUser u) {
        long after = u.baselineSeq();
        while (after >= 0) {
            Api.Reply page = anyGateway("/api/conversations/" + u.conversationId()
                    + "/messages?limit=50&afterSeq=" + after, u.token());
            if (page.status() == 403) {
                return; // a direct conversation that never had a message
            }
            page.expect(200);
            long last = -1;
            for (com.fasterxml.jackson.databind.JsonNode m : page.body().path("items")) {
                last = m.path("seq").asLong();
                ledger.storedRow(m.path("clientMsgId").asText());
            }
            after = page.body().path("hasMore").asBoolean(false) ? last : -1;
        }
    }

    /**
     * A GET through a gateway that answers, the one that answered last first: the storm's
     * drained gateway is down, and each call to it costs the client's retries (2 s).
     */
    private Api.Reply anyGateway(String path, String token) {
        java.net.URI first = answering;
        List<java.net.URI> order = new ArrayList<>();
        if (first != null) {
            order.add(first);
        }
        gateways.stream().filter(g -> !g.equals(first)).forEach(order::add);
        RuntimeException last = null;
        for (java.net.URI gw : order) {
            try {
                Api.Reply r = Api.get(gw, path, token);
                answering = gw;
                return r;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Writes summary.json (in the simulation's {@code after}) and prints the verdict. */
    public RunSummary finish() {
        finalCatchUp();
        LedgerReport report = ledger.report();
        if (ledger.historyAudit() != null) {
            figures.put("historyAudit", ledger.historyAudit());
        }
        List<String> all = new ArrayList<>(report.failures());
        all.addAll(failures);
        long clientErrors = users.values().stream().mapToLong(ChatUser::errors).sum();
        figures.put("clientErrors", clientErrors);
        figures.put("usersStarted", users.size());
        // sockets lost without a reconnect frame (a crashed gateway), each followed by a move
        figures.put("socketsLost", users.values().stream().mapToLong(ChatUser::socketsLost).sum());
        long[] window = ledger.sendWindow();
        figures.put("firstSendAtMs", window[0]);
        figures.put("lastSendAtMs", window[1]);
        RunSummary summary = new RunSummary(name, startedAt,
                (System.currentTimeMillis() - createdMs) / 1000.0, params.used(), report,
                new LinkedHashMap<>(figures), all);
        summary.write(runDir.resolve("summary.json"));
        System.out.printf("loadlab %s: sent=%d acked=%d delivered=%d/%d (live %d, catch-up %d) "
                        + "lost=%d dup=%d redelivered=%d order=%d unanswered=%d refused=%s%n",
                name, report.sent(), report.acked(), report.delivered(), report.expected(),
                report.deliveredLive(), report.caughtUp(), report.lost(), report.duplicated(),
                report.redelivered(), report.outOfOrder(), report.unanswered(), report.refused());
        System.out.printf("loadlab %s: latency ms p50=%d p95=%d p99=%d p99.9=%d max=%d; %s%n", name,
                report.latency().p50(), report.latency().p95(), report.latency().p99(),
                report.latency().p999(), report.latency().max(),
                summary.passed() ? "PASSED" : "FAILED: " + all);
        System.out.println("loadlab: summary " + runDir.resolve("summary.json").toAbsolutePath());
        return summary;
    }
}
