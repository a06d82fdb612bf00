package io.parley.logic.friend;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may send a direct message to whom: the recipient must exist, neither may have blocked the
 * other (4003, whoever blocked), and, when {@code im.logic.chat.direct-requires-friendship} is
 * on, they must be friends (4005). One query for all the pairs of a batch of sends.
 */
@Singleton
public class ChatPermission {
    private final JdbcOperations jdbc;
    private final ChatSettings settings;

    ChatPermission(JdbcOperations jdbc, ChatSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public void requireDirect(long sender, long recipient) {
        DirectPair pair = new DirectPair(sender, recipient);
        ErrorCode refusal = refusals(Set.of(pair)).get(pair);
        if (refusal != null) {
            throw new ParleyException(refusal);
        }
    }

    /** The pairs that may not chat, with the reason; a pair that may is absent. */
    @Connectable
    public Map<DirectPair, ErrorCode> refusals(Set<DirectPair> pairs) {
        if (pairs.isEmpty()) {
            return Map.of();
        }
        List<DirectPair> list = List.copyOf(pairs);
        StringBuilder sql = new StringBuilder("SELECT p.s, p.r, "
                + "EXISTS (SELECT 1 FROM users u WHERE u.id = p.r) AS recipient, "
                + "EXISTS (SELECT 1 FROM blocks b WHERE (b.user_id = p.s AND b.blocked_id = p.r) "
                + "OR (b.user_id = p.r AND b.blocked_id = p.s)) AS blocked, "
                + "EXISTS (SELECT 1 FROM friends f WHERE f.user_id = p.s AND f.friend_id = p.r) "
                + "AS friends FROM (");
        for (int i = 0; i < list.size(); i++) {
            sql.append(i == 0 ? "SELECT ? AS s, ? AS r" : " UNION ALL SELECT ?, ?");
        }
        sql.append(") p");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            int i = 1;
            for (DirectPair pair : list) {
                ps.setLong(i++, pair.sender());
                ps.setLong(i++, pair.recipient());
            }
            Map<DirectPair, ErrorCode> refused = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ErrorCode why = !rs.getBoolean("recipient") ? ErrorCode.RECIPIENT_NOT_FOUND
                            : rs.getBoolean("blocked") ? ErrorCode.BLOCKED
                            : settings.directRequiresFriendship() && !rs.getBoolean("friends")
                            ? ErrorCode.NOT_FRIENDS : null;
                    if (why != null) {
                        refused.put(new DirectPair(rs.getLong("s"), rs.getLong("r")), why);
                    }
                }
            }
            return refused;
        });
    }
}
