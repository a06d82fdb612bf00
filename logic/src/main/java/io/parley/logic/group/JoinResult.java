package io.parley.logic.group;

/**
 * The outcome of a join: joined at once (open group), or an application waiting for an owner or
 * admin (approval group).
 */
public record JoinResult(boolean pending, long applicationId) {
    static JoinResult joined() {
        return new JoinResult(false, 0);
    }

    static JoinResult pending(long applicationId) {
        return new JoinResult(true, applicationId);
    }
}
