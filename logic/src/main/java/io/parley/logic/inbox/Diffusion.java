package io.parley.logic.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.ids.ConversationIds;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/**
 * Decides, per message, write or read diffusion: direct conversations and groups of at most
 * {@code im.logic.group.large-threshold} members write to every member's inbox; larger groups
 * are read from their timeline. Called inside the send's transaction, after the conversation's
 * seq was taken, so the decision and the seq belong together: a group crossing the threshold
 * switches at one seq, every message before it in the inboxes, every one from it in the timeline
 * only (which holds every message anyway).
 */
@Singleton
public final class Diffusion {
    /** How a message reaches its members. */
    public enum Mode { WRITE, READ }

    private final JdbcOperations jdbc;
    private final DiffusionSettings settings;

    Diffusion(JdbcOperations jdbc, DiffusionSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public Mode of(String conversationId) {
        if (!conversationId.startsWith("g_")) {
            return Mode.WRITE;
        }
        long groupId = ConversationIds.groupIdOf(conversationId);
        String sql = "SELECT member_count FROM `groups` WHERE id = ?";
        int members = jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
        return isLarge(members) ? Mode.READ : Mode.WRITE;
    }

    public boolean isLarge(int memberCount) {
        return memberCount > settings.largeThreshold();
    }

    public int threshold() {
        return settings.largeThreshold();
    }
}
