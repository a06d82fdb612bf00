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

    /**
     * One open group of {@code members} users (the first is its owner), on alternate gateways.
     * The owner invites the others {@code maxInvitees} per call (the server's
     * {@code im.logic.group.max-invitees}, 100 by default), one call after another (concurrent
     * calls would only queue on the group's lock): members / 100 calls in all. Each member's
     * recipients are a view of one shared array ({@link Others}), not a list of its own.
     */
    public static List<SimUser> group(String name, int members, List<URI> gateways, int threads) {
        return group(name, members, gateways, threads, 100);
    }

    public static List<SimUser> group(String name, int members, List<URI> gateways, int threads,
                                      int maxInvitees) {
        List<Account> accounts = accounts(name, members, gateways, threads);
        Account owner = accounts.get(0);
        JsonNode group = Api.post(owner.gateway, "/api/groups",
                Map.of("name", "loadlab " + name, "joinPolicy", "open"), owner.token)
                .expect(201).body();
        String groupId = group.get("groupId").asText();
        long[] ids = accounts.stream().mapToLong(Account::userId).toArray();
        int calls = (ids.length - 1 + maxInvitees - 1) / maxInvitees;
        long t = System.currentTimeMillis();
        for (int c = 0; c < calls; c++) {
            int from = 1 + c * maxInvitees;
            List<Long> batch = java.util.Arrays.stream(ids, from,
                    Math.min(ids.length, from + maxInvitees)).boxed().toList();
            Api.post(owner.gateway, "/api/groups/" + groupId + "/invitations",
                    Map.of("userIds", batch), owner.token).expect(200);
        }
        System.out.printf("loadlab: %d members invited in %d calls, %.1f s%n", ids.length - 1,
                calls, (System.currentTimeMillis() - t) / 1000.0);
        String cid = "g_" + groupId;
        List<SimUser> out = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            out.add(user(accounts.get(i), 0, cid, new Others(ids, i), 0));
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
