package io.parley.infra.e2e;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.proto.CreateGroupRequest;
import io.parley.contracts.proto.GroupServiceGrpc;
import io.parley.contracts.proto.InviteRequest;
import io.parley.contracts.proto.JoinGroupRequest;
import io.parley.contracts.proto.MemberRef;
import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import io.parley.platform.rpc.GrpcErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group lock across processes. Two extra logic instances, both with a member limit of 12,
 * take concurrent kicks and joins of one group straight over gRPC, every call made once at each
 * instance. Afterwards the member rows, {@code member_count} and the conversation's members agree,
 * nobody is in twice, the limit held, and the members are exactly those the successful calls
 * imply. A 9002 (lock wait ran out) must mean nothing happened.
 */
@ExtendWith(ClusterExtension.class)
class GroupLockIT {
    private static final int LIMIT = 12;
    private static final int KICKED = 8;
    private static final int JOINERS = 30;

    private record Outcome(String op, long userId, int instance, ErrorCode error) {
        boolean ok() {
            return error == null;
        }
    }

    @Test
    void concurrentJoinsAndKicksAtTwoLogicInstancesLeaveOneConsistentMemberList(Cluster cluster)
            throws Exception {
        Map<String, String> props = Map.of("im.logic.group.max-members", Integer.toString(LIMIT),
                "im.logic.lock.max-wait", "3s");
        CompletableFuture<ServiceProcess> startA = CompletableFuture.supplyAsync(
                () -> cluster.startLogic("groups-lock-a", props));
        CompletableFuture<ServiceProcess> startB = CompletableFuture.supplyAsync(
                () -> cluster.startLogic("groups-lock-b", props));
        ApiClient api = new ApiClient(cluster.gateway1().http());
        long owner = Users.signUp(api, "Lock owner").userId();
        List<Long> kicked = users(api, "Kicked", KICKED);
        List<Long> joiners = users(api, "Joiner", JOINERS);

        try (ServiceProcess a = startA.get(240, TimeUnit.SECONDS);
             ServiceProcess b = startB.get(240, TimeUnit.SECONDS)) {
            List<Logic> logic = List.of(new Logic(a), new Logic(b));
            long group = logic.get(0).stub().createGroup(CreateGroupRequest.newBuilder()
                    .setActorId(owner).setName("Contended").setJoinPolicy("open").build())
                    .getGroupId();
            logic.get(1).stub().inviteMembers(InviteRequest.newBuilder().setActorId(owner)
                    .setGroupId(group).addAllUserIds(kicked).build());

            List<Outcome> outcomes = race(logic, group, owner, kicked, joiners);
            logic.forEach(Logic::close);

            Map<ErrorCode, Integer> tally = tally(outcomes);
            Set<Long> expected = new TreeSet<>(List.of(owner));
            for (long u : kicked) {
                List<Outcome> mine = of(outcomes, "kick", u);
                assertTrue(mine.stream().filter(Outcome::ok).count() <= 1, "kicked once " + u);
                mine.stream().filter(o -> !o.ok()).forEach(o -> assertTrue(
                        o.error() == ErrorCode.NOT_GROUP_MEMBER
                                || o.error() == ErrorCode.UNAVAILABLE, o.toString()));
                if (mine.stream().noneMatch(Outcome::ok)) {
                    expected.add(u);
                }
            }
            for (long u : joiners) {
                List<Outcome> mine = of(outcomes, "join", u);
                assertTrue(mine.stream().filter(Outcome::ok).count() <= 1, "joined once " + u);
                mine.stream().filter(o -> !o.ok()).forEach(o -> assertTrue(
                        o.error() == ErrorCode.ALREADY_GROUP_MEMBER
                                || o.error() == ErrorCode.GROUP_FULL
                                || o.error() == ErrorCode.UNAVAILABLE, o.toString()));
                if (mine.stream().anyMatch(Outcome::ok)) {
                    expected.add(u);
                }
            }

            List<Long> rows = longs("SELECT user_id FROM group_members WHERE group_id = ?",
                    group);
            assertEquals(rows.size(), new TreeSet<>(rows).size(), "nobody twice");
            assertEquals(expected, new TreeSet<>(rows), "members = what the successes imply");
            assertEquals(rows.size(), longs("SELECT member_count FROM `groups` WHERE id = ?",
                    group).get(0).intValue(), "member_count = rows");
            assertEquals(expected, new TreeSet<>(longs("SELECT user_id FROM conversation_members"
                    + " WHERE conversation_id = CONCAT('g_', ?)", group)), "conversation members");
            assertTrue(rows.size() <= LIMIT, "the limit held: " + rows.size());
            assertTrue(tally.getOrDefault(ErrorCode.GROUP_FULL, 0) > 0, "the limit was contended");
            for (int instance = 0; instance < 2; instance++) {
                int i = instance;
                assertTrue(outcomes.stream().anyMatch(o -> o.instance() == i && o.ok()),
                        "instance " + i + " changed the group too");
            }
        }
    }

    /** Every kick and every join once at each instance, all at once, in random order. */
    private static List<Outcome> race(List<Logic> logic, long group, long owner,
                                      List<Long> kicked, List<Long> joiners) throws Exception {
        List<Supplier<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < logic.size(); i++) {
            Logic at = logic.get(i);
            int instance = i;
            for (long u : kicked) {
                calls.add(() -> at.outcome("kick", u, instance, () -> at.stub().kickMember(
                        MemberRef.newBuilder().setActorId(owner).setGroupId(group).setUserId(u)
                                .build())));
            }
            for (long u : joiners) {
                calls.add(() -> at.outcome("join", u, instance, () -> at.stub().joinGroup(
                        JoinGroupRequest.newBuilder().setActorId(u).setGroupId(group).build())));
            }
        }
        Collections.shuffle(calls);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (Supplier<Outcome> call : calls) {
            done.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                outcomes.add(call.get());
            }, pool));
        }
        start.countDown();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        pool.shutdown();
        return outcomes;
    }

    private static List<Outcome> of(List<Outcome> outcomes, String op, long userId) {
        return outcomes.stream().filter(o -> o.op().equals(op) && o.userId() == userId).toList();
    }

    /** How many calls failed with each code; successes are printed too, for the record. */
    private static Map<ErrorCode, Integer> tally(List<Outcome> outcomes) {
        Map<ErrorCode, Integer> errors = new EnumMap<>(ErrorCode.class);
        outcomes.stream().filter(o -> !o.ok()).forEach(o -> errors.merge(o.error(), 1,
                Integer::sum));
        System.out.println("GroupLockIT: " + outcomes.stream().filter(Outcome::ok).count()
                + " of " + outcomes.size() + " calls succeeded; refusals " + errors);
        return errors;
    }

    private static List<Long> users(ApiClient api, String name, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Users.signUp(api, name + " " + i).userId());
        }
        return ids;
    }

    private static List<Long> longs(String sql, long id) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection db = Cluster.database(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** One logic instance, called directly on its gRPC port (read from its /info). */
    private static final class Logic implements AutoCloseable {
        private final ManagedChannel channel;
        private final GroupServiceGrpc.GroupServiceBlockingStub stub;

        @SuppressWarnings("unchecked")
        Logic(ServiceProcess process) {
            Map<String, Object> grpc = (Map<String, Object>) new ApiClient(process.http())
                    .get("/info", null).body().get("grpc");
            this.channel = ManagedChannelBuilder.forAddress("127.0.0.1",
                    ((Number) grpc.get("port")).intValue()).usePlaintext().build();
            this.stub = GroupServiceGrpc.newBlockingStub(channel);
        }

        /** Generous deadline: a 9002 must come from the lock wait, not from this client. */
        GroupServiceGrpc.GroupServiceBlockingStub stub() {
            return stub.withDeadlineAfter(60, TimeUnit.SECONDS);
        }

        Outcome outcome(String op, long userId, int instance, Runnable call) {
            try {
                call.run();
                return new Outcome(op, userId, instance, null);
            } catch (StatusRuntimeException e) {
                return new Outcome(op, userId, instance, GrpcErrors.toParley(e).error());
            }
        }

        @Override
        public void close() {
            channel.shutdown();
        }
    }
}
