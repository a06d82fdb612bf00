package io.parley.infra.e2e;

import io.parley.infra.cluster.Cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Every social-graph row between two users, read from MariaDB: a test compares it before and after
 * a refused call to show that nothing changed.
 */
record SocialRows(long pending, long accepted, long rejected, long friendRows, long blockRows) {
    private static final String REQUESTS = "SELECT COUNT(*) FROM friend_requests WHERE "
            + pair("from_user", "to_user") + " AND status = ";
    private static final String QUERY = "SELECT (" + REQUESTS + "'pending'), ("
            + REQUESTS + "'accepted'), (" + REQUESTS + "'rejected'), "
            + "(SELECT COUNT(*) FROM friends WHERE " + pair("user_id", "friend_id") + "), "
            + "(SELECT COUNT(*) FROM blocks WHERE " + pair("user_id", "blocked_id") + ")";

    static SocialRows between(long a, long b) {
        try (Connection db = Cluster.database(); PreparedStatement q = db.prepareStatement(QUERY)) {
            for (int i = 0; i < 5; i++) {
                q.setLong(4 * i + 1, a);
                q.setLong(4 * i + 2, b);
                q.setLong(4 * i + 3, b);
                q.setLong(4 * i + 4, a);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new SocialRows(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pair(String from, String to) {
        return "((" + from + " = ? AND " + to + " = ?) OR (" + from + " = ? AND " + to + " = ?))";
    }
}
