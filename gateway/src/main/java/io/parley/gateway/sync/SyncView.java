package io.parley.gateway.sync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.proto.SyncReply;

import java.util.List;

/**
 * The JSON of {@code GET /api/sync}.
 *
 * @param inboxSeq    the user's newest inbox seq when this page was read
 * @param items       inbox entries after the asked seq, ascending
 * @param hasMore     more entries follow: ask again after the last item's inbox seq
 * @param largeGroups large groups (read diffusion): pull their history after the seq held
 * @param badges      conversations that are muted or have unread mentions
 */
@Serdeable
public record SyncView(long inboxSeq, List<Entry> items, boolean hasMore,
                       List<Room> largeGroups, List<Badge> badges) {

    /** {@code recalledAt}: set for a recalled message (a tombstone, text empty). */
    @Serdeable
    public record Entry(long inboxSeq, MessageFrame message, @Nullable Long recalledAt) {
    }

    @Serdeable
    public record Badge(String conversationId, long mentions, boolean muted) {
    }

    @Serdeable
    public record Room(String conversationId, long lastSeq, long readSeq, long unread) {
    }

    static SyncView of(SyncReply r) {
        return new SyncView(r.getInboxSeq(),
                r.getEntriesList().stream().map(e -> new Entry(e.getInboxSeq(),
                        MessageFrame.of(e.getMessage()), e.getMessage().getRecalledAtMs() == 0
                        ? null : e.getMessage().getRecalledAtMs())).toList(),
                r.getHasMore(),
                r.getLargeGroupsList().stream().map(g -> new Room(g.getConversationId(),
                        g.getLastSeq(), g.getReadSeq(), g.getUnread())).toList(),
                r.getBadgesList().stream().map(b -> new Badge(b.getConversationId(),
                        b.getMentions(), b.getMuted())).toList());
    }
}
