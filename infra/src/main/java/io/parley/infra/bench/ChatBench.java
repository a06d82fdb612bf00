package io.parley.infra.bench;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end latency of 1:1 chat through a running system (infra/scripts/up.sh): USERS users,
 * half on each gateway, in pairs across the two gateways; every user sends RATE messages per
 * second to its peer for SECONDS seconds. Latency is measured from the sender's send call to the
 * recipient's receipt (one JVM, one clock). Prints p50/p90/p99/max and delivered/sent.
 * <p>
 * Usage: {@code infra/scripts/bench.sh [users=200] [seconds=30] [ratePerUser=1]
 * [gatewayA=http://127.0.0.1:8080] [gatewayB=http://127.0.0.1:8081]}. Bounded in count and time;
 * traffic goes to the given loopback gateways only.
 */
public final class ChatBench {
    private ChatBench() {
    }

    public static void main(String[] args) throws Exception {
        int users = arg(args, 0, 200);
        int seconds = arg(args, 1, 30);
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        URI a = URI.create(args.length > 3 ? args[3] : "http://127.0.0.1:8080");
        URI b = URI.create(args.length > 4 ? args[4] : "http://127.0.0.1:8081");
        requireLoopback(a);
        requireLoopback(b);
        int pairs = users / 2;

        System.out.printf("signing in %d users ...%n", pairs * 2);
        List<ApiClient.Session> sessions = new ArrayList<>();
        ApiClient apiA = new ApiClient(a);
        ApiClient apiB = new ApiClient(b);
        for (int i = 0; i < pairs * 2; i++) {
            ApiClient api = i < pairs ? apiA : apiB;
            sessions.add(api.signUp(String.format("+1999%07d", i), "bench" + i, "bench-password"));
        }
        // Direct messages need a friendship (im.logic.chat.direct-requires-friendship).
        for (int i = 0; i < pairs; i++) {
            befriend(apiA, sessions.get(i), sessions.get(i + pairs));
        }

        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[(int) (pairs * 2 * rate * seconds * 1.2) + 1000];
        AtomicLong received = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<ChatClient> clients = new ArrayList<>();
        for (int i = 0; i < pairs * 2; i++) {
            URI gateway = i < pairs ? a : b;
            clients.add(ChatClient.connect(gateway, sessions.get(i).token(), "bench", frame ->
                    record(frame, sentAt, latencies, received, acked, errors)));
        }
        System.out.printf("connected %d sockets; sending for %d s at %.1f msg/s per user%n",
                clients.size(), seconds, rate);

        ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
        AtomicLong sent = new AtomicLong();
        long periodMicros = (long) (1_000_000 / rate);
        for (int i = 0; i < clients.size(); i++) {
            ChatClient from = clients.get(i);
            long to = sessions.get(i < pairs ? i + pairs : i - pairs).userId();
            int sender = i;
            long offset = (long) (Math.random() * periodMicros);
            senders.scheduleAtFixedRate(() -> {
                String id = sender + "-" + sent.incrementAndGet();
                sentAt.put(id, System.nanoTime());
                from.send(new SendFrame(id, to, "bench " + id));
            }, offset, periodMicros, TimeUnit.MICROSECONDS);
        }
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 10_000;
        while (received.get() < sent.get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        clients.forEach(ChatClient::close);

        int n = (int) Math.min(received.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("sent=%d acked=%d delivered=%d errors=%d delivered/sent=%.4f%n",
                sent.get(), acked.get(), received.get(), errors.get(),
                sent.get() == 0 ? 0 : (double) received.get() / sent.get());
        System.out.printf("latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n",
                pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 1.0));
        System.exit(0);
    }

    private static void record(ServerFrame frame, ConcurrentHashMap<String, Long> sentAt,
                               long[] latencies, AtomicLong received, AtomicLong acked,
                               AtomicLong errors) {
        if (frame instanceof MessageFrame m) {
            Long start = sentAt.remove(m.clientMsgId());
            if (start != null) {
                long i = received.getAndIncrement();
                if (i < latencies.length) {
                    latencies[(int) i] = System.nanoTime() - start;
                }
            }
        } else if (frame instanceof AckFrame) {
            acked.incrementAndGet();
        } else if (frame instanceof ErrorFrame) {
            errors.incrementAndGet();
        }
    }

    /** Request and accept; "already friends" from an earlier run is fine. */
    private static void befriend(ApiClient api, ApiClient.Session a, ApiClient.Session b) {
        ApiClient.Reply request = api.post("/api/friends/requests",
                java.util.Map.of("toUserId", b.userId()), a.token());
        if (request.status() == 201) {
            api.post("/api/friends/requests/" + request.number("requestId") + "/accept", "",
                    b.token());
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static void requireLoopback(URI uri) {
        String host = uri.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("benchmarks target loopback only, not " + host);
        }
    }
}
