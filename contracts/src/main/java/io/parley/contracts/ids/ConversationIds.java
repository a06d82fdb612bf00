package io.parley.contracts.ids;

/**
 * Conversation ids. A direct (1:1) conversation's id is derived from its two members so that both
 * sides, every gateway and every logic instance agree on it without a lookup: {@code d_<low>_<high>}.
 * A group's conversation is {@code g_<groupId>}. The id is also the Kafka key, so one conversation
 * always lands on one partition (its order).
 */
public final class ConversationIds {
    private ConversationIds() {
    }

    public static String direct(long userA, long userB) {
        if (userA <= 0 || userB <= 0) {
            throw new IllegalArgumentException("user ids must be positive");
        }
        return "d_" + Math.min(userA, userB) + "_" + Math.max(userA, userB);
    }

    /** The other member of a direct conversation, as seen by {@code self}. */
    public static long peerOf(String directId, long self) {
        String[] parts = directId.split("_");
        if (parts.length != 3 || !parts[0].equals("d")) {
            throw new IllegalArgumentException("not a direct conversation: " + directId);
        }
        long a = Long.parseLong(parts[1]);
        long b = Long.parseLong(parts[2]);
        return a == self ? b : a;
    }

    /**
     * The two members of a direct conversation id ({@code d_<low>_<high>}, low &lt; high, both
     * positive, written as {@link #direct} writes it); {@link IllegalArgumentException} for any
     * other id.
     */
    public static long[] directMembers(String conversationId) {
        String[] parts = conversationId == null || conversationId.length() > 42
                ? new String[0] : conversationId.split("_", -1);
        try {
            if (parts.length == 3 && parts[0].equals("d")) {
                long low = Long.parseLong(parts[1]);
                long high = Long.parseLong(parts[2]);
                if (low > 0 && low < high && direct(low, high).equals(conversationId)) {
                    return new long[] {low, high};
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new IllegalArgumentException("not a direct conversation: " + conversationId);
    }

    public static String group(long groupId) {
        if (groupId <= 0) {
            throw new IllegalArgumentException("group ids must be positive");
        }
        return "g_" + groupId;
    }

    /** The group of a group conversation id; {@link IllegalArgumentException} for any other id. */
    public static long groupIdOf(String conversationId) {
        if (conversationId == null || !conversationId.startsWith("g_")
                || conversationId.length() > 22) {
            throw new IllegalArgumentException("not a group conversation: " + conversationId);
        }
        long id;
        try {
            id = Long.parseLong(conversationId.substring(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a group conversation: " + conversationId);
        }
        if (id <= 0 || !conversationId.equals("g_" + id)) {
            throw new IllegalArgumentException("not a group conversation: " + conversationId);
        }
        return id;
    }
}
