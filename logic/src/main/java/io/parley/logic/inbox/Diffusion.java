package io.parley.logic.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.parley.contracts.ids.ConversationIds;
import io.parley.platform.config.LiveConfig;
import io.parley.platform.config.LiveValue;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, per conversation of a batch, write or read diffusion: direct conversations and groups
 * of at most {@code im.logic.group.large-threshold} members write to every member's inbox; larger groups
 * are read from their timeline. Called inside the send's transaction, after the conversation's
 * seq was taken, so the decision and the seq belong together: a group crossing the threshold
 * switches at one seq, every message before it in the inboxes, every one from it in the timeline
 * only (which holds every message anyway). The threshold is live
 * ({@code <ns>/config/logic/im.logic.group.large-threshold}) and read once per batch after the
 * seq locks, so a live change, like a join, switches each group at one seq.
 */
@Singleton
public final class Diffusion {
    /** How a message reaches its members. */
    public enum Mode { WRITE, READ }

    private final JdbcOperations jdbc;
    private final LiveValue<Integer> threshold;

    @Inject
    Diffusion(JdbcOperations jdbc, DiffusionSettings settings, LiveConfig live) {
        this(jdbc, live.intValue("im.logic.group.large-threshold", settings.largeThreshold(), 1,
                DiffusionSettings.MAX_THRESHOLD));
    }

    Diffusion(JdbcOperations jdbc, LiveValue<Integer> threshold) {
        this.jdbc = jdbc;
        this.threshold = threshold;
    }

    /**
     * The mode of each conversation of a batch: one read of the member counts of its groups.
     * Called after the batch's conversation rows were locked, so no join can slip in between.
     */
    public Map<String, Mode> of(Collection<String> conversationIds) {
        Map<String, Mode> out = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        for (String id : conversationIds) {
            if (id.startsWith("g_")) {
                groups.put(ConversationIds.groupIdOf(id), id);
            } else {
                out.put(id, Mode.WRITE);
            }
        }
        if (groups.isEmpty()) {
            return out;
        }
        int large = threshold.get(); // once: one batch, one threshold
        List<Long> ids = List.copyOf(groups.keySet());
        Map<Long, Integer> counts = jdbc.prepareStatement("SELECT id, member_count FROM `groups` "
                + "WHERE id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")",
                ps -> {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 1, ids.get(i));
                    }
                    Map<Long, Integer> found = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getLong(1), rs.getInt(2));
                        }
                    }
                    return found;
                });
        groups.forEach((group, conversation) ->
                out.put(conversation, counts.getOrDefault(group, 0) > large ? Mode.READ : Mode.WRITE));
        return out;
    }

    public boolean isLarge(int memberCount) {
        return memberCount > threshold.get();
    }

    public int threshold() {
        return threshold.get();
    }
}
