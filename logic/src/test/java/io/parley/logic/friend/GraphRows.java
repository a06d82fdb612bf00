package io.parley.logic.friend;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What the social-graph tables hold between users, read straight from MariaDB, so tests assert
 * the stored outcome (and that a refused call changed nothing), not just the answer.
 */
@Singleton
public class GraphRows {
    private final DataSource dataSource;

    GraphRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A snapshot of every row between two users, comparable before and after a call. */
    public record Snapshot(long pending, long accepted, long rejected, long friendRows,
                           long blockRows) {
    }

    @Connectable
    public Snapshot between(long a, long b) {
        String pair = " (from_user = ? AND to_user = ?) OR (from_user = ? AND to_user = ?)";
        return new Snapshot(
                count("SELECT COUNT(*) FROM friend_requests WHERE status = 'pending' AND ("
                        + pair + ")", a, b, b, a),
                count("SELECT COUNT(*) FROM friend_requests WHERE status = 'accepted' AND ("
                        + pair + ")", a, b, b, a),
                count("SELECT COUNT(*) FROM friend_requests WHERE status = 'rejected' AND ("
                        + pair + ")", a, b, b, a),
                count("SELECT COUNT(*) FROM friends WHERE (user_id = ? AND friend_id = ?) "
                        + "OR (user_id = ? AND friend_id = ?)", a, b, b, a),
                count("SELECT COUNT(*) FROM blocks WHERE (user_id = ? AND blocked_id = ?) "
                        + "OR (user_id = ? AND blocked_id = ?)", a, b, b, a));
    }

    @Connectable
    public long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Connectable
    public List<Long> friendIdsOf(long user) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT friend_id FROM friends WHERE user_id = ? ORDER BY friend_id")) {
            q.setLong(1, user);
            try (ResultSet rs = q.executeQuery()) {
                List<Long> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
