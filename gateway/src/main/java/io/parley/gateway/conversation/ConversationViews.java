package io.parley.gateway.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.ConversationSummary;
import io.parley.contracts.proto.ReadersReply;

import java.util.List;

/** JSON shapes of the conversation endpoints. */
final class ConversationViews {
    private ConversationViews() {
    }

    /**
     * One row of the conversation list. {@code peer} is set for direct conversations, and
     * {@code peerReadSeq} is how far that peer has read (0 in groups).
     */
    @Serdeable
    record ConversationView(String conversationId, String kind, @Nullable Peer peer, long lastSeq,
                            long readSeq, long unread, @Nullable MessageFrame lastMessage,
                            long lastActivityAt, long peerReadSeq) {
        static ConversationView of(ConversationSummary s) {
            return new ConversationView(s.getConversationId(), s.getKind() == 2 ? "group" : "direct",
                    s.getPeerId() == 0 ? null : new Peer(s.getPeerId(), s.getPeerName()),
                    s.getLastSeq(), s.getReadSeq(), s.getUnread(),
                    s.hasLastMessage() ? message(s.getLastMessage()) : null,
                    s.getLastActivityMs(), s.getPeerReadSeq());
        }
    }

    @Serdeable
    record Peer(long userId, String displayName) {
    }

    @Serdeable
    record ConversationPage(List<ConversationView> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record MessagePage(List<MessageFrame> items, boolean hasMore) {
    }

    @Serdeable
    record ReadState(String conversationId, long lastSeq, long readSeq, long unread) {
        static ReadState of(ConversationSummary s) {
            return new ReadState(s.getConversationId(), s.getLastSeq(), s.getReadSeq(),
                    s.getUnread());
        }
    }

    @Serdeable
    record ReadBody(long seq) {
    }

    /** Who read one message: counted over every member but the sender, listed a page at a time. */
    @Serdeable
    record ReadersView(long readCount, long memberCount, List<ReaderView> items,
                       @Nullable String nextCursor) {
        static ReadersView of(ReadersReply r) {
            return new ReadersView(r.getReadCount(), r.getMemberCount(), r.getReadersList().stream()
                    .map(x -> new ReaderView(x.getUserId(), x.getDisplayName(), x.getReadSeq()))
                    .toList(), r.getNextCursor().isEmpty() ? null : r.getNextCursor());
        }
    }

    @Serdeable
    record ReaderView(long userId, String displayName, long readSeq) {
    }

    static MessageFrame message(ChatMessage m) {
        return MessageFrame.of(m);
    }
}
