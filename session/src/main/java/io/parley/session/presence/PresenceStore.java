package io.parley.session.presence;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.UserStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Presence in Redis ({@link PresenceKeys} names the keys, all under the namespace). Two kinds of
 * key, both with the presence TTL, so everything a dead gateway wrote disappears by itself: each
 * connection ({@code <ns>:conn:<gatewayId>/<connectionId>}) and each user's set of connection refs
 * ({@code <ns>:user:<userId>:conns}).
 * Per gateway: {@code <ns>:gateway:<id>:alive} (TTL, refreshed by its beats), the users it has had
 * ({@code <ns>:gateway:<id>:users}) and the set {@code <ns>:gateways}, so a gateway that dies is
 * noticed and its users announced offline.
 * And, without TTL, {@code <ns>:user:<userId>:last-seen} = epoch ms of the last sign of the user:
 * written by every connect and heartbeat and by the close of a connection, so a user whose
 * gateway died is last seen at its last heartbeat.
 * A set member whose connection key expired is stale; lookups ignore it and remove it.
 * Commands are issued asynchronously on one connection, which Lettuce pipelines.
 */
@Singleton
final class PresenceStore {
    private static final long TIMEOUT_MS = 2_000;

    private final RedisAsyncCommands<String, String> redis;
    private final PresenceSettings settings;
    private final PresenceKeys keys;

    PresenceStore(StatefulRedisConnection<String, String> connection, PresenceSettings settings,
                  PresenceKeys keys) {
        this.redis = connection.async();
        this.settings = settings;
        this.keys = keys;
    }

    /** Records or refreshes connections; returns how many were written. */
    int upsert(Collection<Connection> connections, long nowMs) {
        long ttlMs = settings.ttl().toMillis();
        List<RedisFuture<?>> pending = new ArrayList<>();
        for (Connection c : connections) {
            String ref = ref(c.getGatewayId(), c.getConnectionId());
            String userKey = keys.userConns(c.getUserId());
            pending.add(redis.set(keys.conn(ref), c.getUserId() + "|" + c.getDeviceId() + "|"
                    + c.getConnectedAtMs(), SetArgs.Builder.px(ttlMs)));
            pending.add(redis.sadd(userKey, ref));
            pending.add(redis.pexpire(userKey, ttlMs));
            pending.add(redis.set(keys.lastSeen(c.getUserId()), Long.toString(nowMs)));
            pending.add(redis.sadd(keys.gatewayUsers(c.getGatewayId()),
                    Long.toString(c.getUserId())));
        }
        connections.stream().map(Connection::getGatewayId).distinct().forEach(gw -> {
            pending.add(redis.set(keys.gatewayAlive(gw), "1", SetArgs.Builder.px(ttlMs)));
            pending.add(redis.sadd(keys.gateways(), gw));
        });
        await(pending);
        return connections.size();
    }

    /** Gateways that reported connections once but stopped beating for longer than the TTL. */
    List<String> silentGateways() {
        List<String> gateways = List.copyOf(get(redis.smembers(keys.gateways())));
        List<RedisFuture<Long>> alive = new ArrayList<>();
        gateways.forEach(gw -> alive.add(redis.exists(keys.gatewayAlive(gw))));
        await(alive);
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < gateways.size(); i++) {
            if (get(alive.get(i)) == 0) {
                silent.add(gateways.get(i));
            }
        }
        return silent;
    }

    /**
     * Takes a silent gateway off the books and returns the users it had; empty when another
     * session instance took it first (so each dead gateway is handled once).
     */
    List<Long> claimSilent(String gatewayId) {
        if (get(redis.srem(keys.gateways(), gatewayId)) == 0) {
            return List.of();
        }
        List<Long> users = get(redis.smembers(keys.gatewayUsers(gatewayId))).stream()
                .map(Long::parseLong).toList();
        get(redis.del(keys.gatewayUsers(gatewayId)));
        return users;
    }

    /** Forgets one connection and notes the time; returns 1 if it was known. */
    int remove(long userId, String gatewayId, String connectionId, long nowMs) {
        String ref = ref(gatewayId, connectionId);
        RedisFuture<Long> deleted = redis.del(keys.conn(ref));
        RedisFuture<Long> removed = redis.srem(keys.userConns(userId), ref);
        RedisFuture<String> seen = redis.set(keys.lastSeen(userId), Long.toString(nowMs));
        await(List.of(deleted, removed, seen));
        return get(deleted) > 0 ? 1 : 0;
    }

    /** Online (any live connection) and last seen, per user, in the order asked. */
    List<UserStatus> statuses(List<Long> userIds) {
        java.util.Set<Long> online = new java.util.HashSet<>();
        locate(userIds).forEach(c -> online.add(c.getUserId()));
        List<KeyValue<String, String>> seen = userIds.isEmpty() ? List.of()
                : get(redis.mget(userIds.stream().map(keys::lastSeen)
                        .toArray(String[]::new)));
        List<UserStatus> out = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            long user = userIds.get(i);
            boolean on = online.contains(user);
            long last = seen.get(i).hasValue() ? Long.parseLong(seen.get(i).getValue()) : 0;
            out.add(UserStatus.newBuilder().setUserId(user).setOnline(on)
                    .setLastSeenMs(on ? 0 : last).build());
        }
        return out;
    }

    /**
     * Every live connection of each user: the users' sets, then all their connections' values,
     * each step pipelined (two round trips to Redis for any number of users).
     */
    List<Connection> locate(Collection<Long> userIds) {
        List<Long> users = List.copyOf(userIds);
        List<RedisFuture<java.util.Set<String>>> sets = new ArrayList<>();
        users.forEach(u -> sets.add(redis.smembers(keys.userConns(u))));
        await(sets);
        List<List<String>> refsByUser = new ArrayList<>();
        List<RedisFuture<List<KeyValue<String, String>>>> valuesByUser = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            List<String> refs = List.copyOf(get(sets.get(i)));
            refsByUser.add(refs);
            valuesByUser.add(refs.isEmpty() ? null : redis.mget(
                    refs.stream().map(keys::conn).toArray(String[]::new)));
        }
        List<Connection> found = new ArrayList<>();
        List<RedisFuture<?>> cleanup = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            List<String> refs = refsByUser.get(i);
            if (refs.isEmpty()) {
                continue;
            }
            List<KeyValue<String, String>> values = get(valuesByUser.get(i));
            for (int j = 0; j < refs.size(); j++) {
                KeyValue<String, String> kv = values.get(j);
                if (kv.hasValue()) {
                    found.add(parse(refs.get(j), kv.getValue()));
                } else {
                    cleanup.add(redis.srem(keys.userConns(users.get(i)), refs.get(j)));
                }
            }
        }
        await(cleanup);
        return found;
    }

    private static Connection parse(String ref, String value) {
        String[] v = value.split("\\|", 3);
        int slash = ref.indexOf('/');
        return Connection.newBuilder()
                .setUserId(Long.parseLong(v[0]))
                .setDeviceId(v[1])
                .setConnectedAtMs(Long.parseLong(v[2]))
                .setGatewayId(ref.substring(0, slash))
                .setConnectionId(ref.substring(slash + 1))
                .build();
    }

    private static String ref(String gatewayId, String connectionId) {
        return gatewayId + "/" + connectionId;
    }

    private static void await(List<? extends RedisFuture<?>> futures) {
        try {
            CompletableFuture.allOf(futures.stream().map(f -> f.toCompletableFuture())
                    .toArray(CompletableFuture[]::new)).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PresenceUnavailableException(e);
        }
    }

    private static <T> T get(RedisFuture<T> future) {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PresenceUnavailableException(e);
        }
    }

}
