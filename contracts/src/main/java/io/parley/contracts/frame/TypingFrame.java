package io.parley.contracts.frame;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ConversationIds;

/**
 * {@code {"type":"typing","conversationId":"d_1_2"}}: the user is typing in the conversation
 * (a direct {@code d_<low>_<high>} or a group {@code g_<groupId>}). Never stored; relayed to the
 * other members' sockets as a server {@code typing} frame. Clients send it at most every few
 * seconds while the composer changes; the gateway drops those over its rate without an answer.
 */
public record TypingFrame(String conversationId) implements ClientFrame {
    public TypingFrame {
        if (conversationId == null || conversationId.isBlank()) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "conversationId is required");
        }
        if (!isDirect(conversationId) && !isGroup(conversationId)) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "conversationId must be d_<low>_<high> or g_<groupId>");
        }
    }

    public boolean isGroup() {
        return isGroup(conversationId);
    }

    private static boolean isDirect(String id) {
        try {
            ConversationIds.directMembers(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isGroup(String id) {
        try {
            ConversationIds.groupIdOf(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
