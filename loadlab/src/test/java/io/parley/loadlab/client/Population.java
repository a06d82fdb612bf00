package io.parley.loadlab.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The fast set-up path: accounts, friendships and groups created through the HTTP API from a pool
 * of threads before any virtual user starts. Phones are derived from the population's name, so a
 * second run finds its accounts (409 on register, then login) and only the first run pays for
 * registering. Against a system with relaxed register/login limits and a low bcrypt cost
 * (loadlab/scripts/system.sh does both) thousands of users take seconds.
 */
public final class Population {
    private static final String PASSWORD = "loadlab-password";

    private record Account(int index, String phone, long userId, String token, URI gateway) {
    }

    private Population() {
    }

    /** {@code users} users in 1:1 pairs, the two of a pair on different gateways, befriended. */
    public static List<SimUser> pairs(String name, int users, List<URI> gateways, int threads) {
        int n = users - users % 2;
        List<Account> accounts = accounts(name, n, gateways, threads);
        List<SimUser> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        parallel(threads, n / 2, p -> {
            Account a = accounts.get(2 * p);
            Account b = accounts.get(2 * p + 1);
            befriend(a, b);
            String cid = "d_" + Math.min(a.userId, b.userId) + "_" + Math.max(a.userId, b.userId);
            long baseline = lastSeq(a, cid);
            out.set(2 * p, user(a, b.userId, cid, List.of(b.userId), baseline));
            out.set(2 * p + 1, user(b, a.userId, cid, List.of(a.userId), baseline));
            return null;
        });
        return out;
    }

    /** One open group of {@code members} users (the first is its owner), on alternate gateways. */
    public static List<SimUser> group(String name, int members, List<URI> gateways, int threads) {
        List<Account> accounts = accounts(name, members, gateways, threads);
        Account owner = accounts.get(0);
        JsonNode group = Api.post(owner.gateway, "/api/groups",
                Map.of("name", "loadlab " + name, "joinPolicy", "open"), owner.token)
                .expect(201).body();
        String groupId = group.get("groupId").asText();
        List<Long> ids = accounts.stream().map(Account::userId).toList();
        for (int from = 1; from < ids.size(); from += 100) {
            Api.post(owner.gateway, "/api/groups/" + groupId + "/invitations",
                    Map.of("userIds", ids.subList(from, Math.min(ids.size(), from + 100))),
                    owner.token).expect(200);
        }
        String cid = "g_" + groupId;
        List<SimUser> out = new ArrayList<>();
        for (Account a : accounts) {
            List<Long> others = ids.stream().filter(id -> id != a.userId).toList();
            out.add(user(a, 0, cid, others, 0));
        }
        return out;
    }

    private static SimUser user(Account a, long peer, String cid, List<Long> recipients,
                                long baseline) {
        return new SimUser(a.index, a.phone, PASSWORD, a.userId, a.gateway, peer, cid, recipients,
                baseline, a.token);
    }

    private static List<Account> accounts(String name, int n, List<URI> gateways, int threads) {
        String prefix = "+17" + String.format("%03d", Math.floorMod(name.hashCode(), 1000));
        return parallel(threads, n, i -> {
            String phone = prefix + String.format("%08d", i);
            URI gw = gateways.get(i % gateways.size());
            Api.post(gw, "/api/auth/register", Map.of("phone", phone,
                    "displayName", "ll " + name + " " + i, "password", PASSWORD), null)
                    .expect(201, 409);
            JsonNode login = Api.post(gw, "/api/auth/login",
                    Map.of("phone", phone, "password", PASSWORD), null).expect(200).body();
            return new Account(i, phone, login.get("user").get("userId").asLong(),
                    login.get("accessToken").asText(), gw);
        });
    }

    /** Request and accept; an existing friendship (an earlier run) is fine. */
    private static void befriend(Account a, Account b) {
        Api.Reply r = Api.post(a.gateway, "/api/friends/requests", Map.of("toUserId", b.userId),
                a.token).expect(200, 201, 409);
        if (r.status() != 409 && "pending".equals(r.body().get("status").asText())) {
            Api.post(b.gateway, "/api/friends/requests/" + r.body().get("requestId").asLong()
                    + "/accept", Map.of(), b.token).expect(200);
        }
    }

    /** The conversation's last seq, 0 when it has no message (or does not exist yet). */
    private static long lastSeq(Account a, String cid) {
        Api.Reply r = Api.get(a.gateway, "/api/conversations/" + cid + "/messages?limit=1",
                a.token);
        if (r.status() != 200 || r.body().get("items").isEmpty()) {
            return 0;
        }
        return r.body().get("items").get(0).get("seq").asLong();
    }

    private static <T> List<T> parallel(int threads, int n, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<T>> futures = IntStream.range(0, n)
                    .mapToObj(i -> pool.submit(() -> task.apply(i))).toList();
            List<T> out = new ArrayList<>(n);
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("set-up failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
