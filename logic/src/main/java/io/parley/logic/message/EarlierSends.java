package io.parley.logic.message;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored messages of some idempotency keys, in one query on uk_messages_sender_client. Asked
 * only when the unique key refused a row or a send was refused: retries are rare.
 */
@Singleton
class EarlierSends {
    private final JdbcOperations jdbc;

    EarlierSends(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    Map<ClientKey, Message> find(Collection<ClientKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<ClientKey> list = List.copyOf(keys);
        String where = String.join(" OR ", java.util.Collections.nCopies(list.size(),
                "(sender_id = ? AND client_msg_id = ?)"));
        return jdbc.prepareStatement("SELECT " + Message.COLUMNS + " FROM messages WHERE "
                + where, ps -> {
            int i = 1;
            for (ClientKey k : list) {
                ps.setLong(i++, k.senderId());
                ps.setString(i++, k.clientMsgId());
            }
            Map<ClientKey, Message> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Message m = Message.read(rs);
                    out.put(new ClientKey(m.senderId(), m.clientMsgId()), m);
                }
            }
            return out;
        });
    }
}
