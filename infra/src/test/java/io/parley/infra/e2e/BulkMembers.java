package io.parley.infra.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The fast set-up of a big group for end-to-end tests: members added by SQL, as a bulk import
 * would, instead of thousands of sign-ups and invitations.
 */
final class BulkMembers {
    private BulkMembers() {
    }

    /**
     * The signed-up {@code members} and filler users (accounts made by SQL) become members until
     * the group has {@code total}, the owner included, then the member cache is dropped.
     */
    static void fill(Cluster cluster, long groupId, List<ApiClient.Session> members, int total)
            throws Exception {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        String conv = "g_" + groupId;
        List<Long> ids = new ArrayList<>(members.stream().map(ApiClient.Session::userId).toList());
        try (Connection db = Cluster.database()) {
            db.setAutoCommit(false);
            String tag = UUID.randomUUID().toString().substring(0, 6);
            try (PreparedStatement users = db.prepareStatement("INSERT INTO users "
                    + "(phone, display_name, password_hash) VALUES (?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                int fillers = total - 1 - ids.size();
                for (int i = 0; i < fillers; i++) {
                    users.setString(1, "f" + tag + i);
                    users.setString(2, "Filler " + i);
                    users.setString(3, "x".repeat(60));
                    users.addBatch();
                }
                users.executeBatch();
                try (var keys = users.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            try (PreparedStatement gm = db.prepareStatement("INSERT INTO group_members "
                    + "(group_id, user_id, role, joined_at) VALUES (?, ?, 'member', ?)");
                 PreparedStatement cm = db.prepareStatement("INSERT INTO conversation_members "
                         + "(conversation_id, user_id, joined_at) VALUES (?, ?, ?)")) {
                for (long id : ids) {
                    gm.setLong(1, groupId);
                    gm.setLong(2, id);
                    gm.setTimestamp(3, now);
                    gm.addBatch();
                    cm.setString(1, conv);
                    cm.setLong(2, id);
                    cm.setTimestamp(3, now);
                    cm.addBatch();
                }
                gm.executeBatch();
                cm.executeBatch();
            }
            try (PreparedStatement count = db.prepareStatement(
                    "UPDATE `groups` SET member_count = member_count + ? WHERE id = ?")) {
                count.setInt(1, ids.size());
                count.setLong(2, groupId);
                count.executeUpdate();
            }
            db.commit();
        }
        RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> c = redis.connect()) {
            c.sync().del(cluster.namespace() + ":group:" + groupId + ":members");
        } finally {
            redis.shutdown();
        }
    }
}
