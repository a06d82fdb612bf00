package io.parley.logic.group;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.account.AccountService;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What group tests share: fresh users and groups, and a snapshot of every row a group owns, so a
 * test can assert that a refused request changed nothing.
 */
@Singleton
final class GroupFixtures {
    private final AccountService accounts;
    private final Groups groups;
    private final Membership membership;
    private final DataSource db;

    GroupFixtures(AccountService accounts, Groups groups, Membership membership, DataSource db) {
        this.accounts = accounts;
        this.groups = groups;
        this.membership = membership;
        // The injected data source hands out the current transaction's connection only.
        this.db = DelegatingDataSource.unwrapDataSource(db);
    }

    long user(String name) {
        String phone = "+1" + (1_000_000_000L
                + ThreadLocalRandom.current().nextLong(8_999_999_999L));
        return accounts.register(phone, name + " " + UUID.randomUUID().toString().substring(0, 4),
                "password-1").id();
    }

    long group(long owner, JoinPolicy policy) {
        return groups.create(owner, new GroupProfile("Team " + owner, null, null, policy))
                .group().id();
    }

    /** A group with one user of each role, and one user outside it. */
    record Cast(long group, long owner, long admin, long member, long outsider) {
    }

    Cast cast(JoinPolicy policy) {
        long owner = user("Owner");
        long admin = user("Admin");
        long member = user("Member");
        long outsider = user("Outsider");
        long id = group(owner, policy);
        membership.invite(owner, id, List.of(admin, member));
        membership.setRole(owner, id, admin, "admin");
        return new Cast(id, owner, admin, member, outsider);
    }

    /** Every row of the group: its row, members with roles, applications, conversation members. */
    record GroupState(String group, Map<Long, String> members, Map<Long, String> applications,
                      Map<Long, Long> conversationMembers) {
    }

    DataSource db() {
        return db;
    }

    GroupState state(long groupId) {
        try (Connection c = db.getConnection()) {
            return new GroupState(
                    row(c, "SELECT CONCAT_WS('|', name, avatar_url, notice, join_policy, "
                            + "owner_id, member_count, IFNULL(dissolved_at, '-')) "
                            + "FROM `groups` WHERE id = ?", groupId),
                    map(c, "SELECT user_id, role FROM group_members WHERE group_id = ?", groupId),
                    map(c, "SELECT id, CONCAT(user_id, ':', status) FROM group_applications "
                            + "WHERE group_id = ?", groupId),
                    longs(c, "SELECT user_id, last_read_seq FROM conversation_members "
                            + "WHERE conversation_id = CONCAT('g_', ?)", groupId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code call} fails with {@code code} and the group's rows are exactly as before. */
    ParleyException assertRefusedUnchanged(long groupId, ErrorCode code, Executable call) {
        GroupState before = state(groupId);
        ParleyException e = assertThrows(ParleyException.class, call);
        assertEquals(code, e.error(), e.getMessage());
        assertEquals(before, state(groupId), "a refused request changed nothing");
        return e;
    }

    private static String row(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Map<Long, String> map(Connection c, String sql, long id) throws SQLException {
        Map<Long, String> out = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Map<Long, Long> longs(Connection c, String sql, long id) throws SQLException {
        Map<Long, Long> out = new TreeMap<>();
        map(c, sql, id).forEach((k, v) -> out.put(k, Long.parseLong(v)));
        return out;
    }
}
