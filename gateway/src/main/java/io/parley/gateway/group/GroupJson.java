package io.parley.gateway.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.ApplicationList;
import io.parley.contracts.proto.GroupApplication;
import io.parley.contracts.proto.GroupInfo;
import io.parley.contracts.proto.GroupMember;

import java.util.List;

/**
 * The JSON shapes of the groups API. Group and application ids are Snowflake ids and travel as
 * strings; user ids are numbers; times are epoch milliseconds; an unset avatar or notice is "".
 * Responses always carry every field (Micronaut Serde would drop empty strings and lists), so
 * {@code "items": []} and {@code "nextCursor": null} are there for clients to read.
 */
final class GroupJson {
    private GroupJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Group(String groupId, String name, String avatarUrl, String notice, String joinPolicy,
                 long ownerId, int memberCount, String myRole) {
        static Group of(GroupInfo g) {
            return new Group(Long.toString(g.getGroupId()), g.getName(), g.getAvatarUrl(),
                    g.getNotice(), g.getJoinPolicy(), g.getOwnerId(), g.getMemberCount(),
                    g.getMyRole());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Member(long userId, String displayName, String role, long joinedAt) {
        static Member of(GroupMember m) {
            return new Member(m.getUserId(), m.getDisplayName(), m.getRole(), m.getJoinedAtMs());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Application(String applicationId, long userId, String displayName, String message,
                       long createdAt) {
        static List<Application> of(ApplicationList list) {
            return list.getApplicationsList().stream().map(Application::of).toList();
        }

        private static Application of(GroupApplication a) {
            return new Application(Long.toString(a.getApplicationId()), a.getUserId(),
                    a.getDisplayName(), a.getMessage(), a.getCreatedAtMs());
        }
    }

    /** {@code {"items": [...]}}, with {@code nextCursor} (null on the last page) where paged. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Items<T>(List<T> items) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page<T>(List<T> items, @Nullable String nextCursor) {
    }

    /** {@code {"status": "joined"}} or {@code {"status": "pending", "applicationId": "..."}}. */
    @Serdeable
    record Joined(String status, @Nullable String applicationId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Invited(List<Long> added) {
    }

    @Serdeable
    record JoinBody(@Nullable String message) {
    }

    @Serdeable
    record InviteBody(@Nullable List<Long> userIds) {
    }

    @Serdeable
    record RoleBody(@Nullable String role) {
    }

    @Serdeable
    record TransferBody(@Nullable Long userId) {
    }
}
