package io.parley.gateway.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.InviteCodeInfo;
import io.parley.contracts.proto.InvitePreview;
import io.parley.contracts.proto.JoinOutcome;

import java.util.List;

/** JSON of invite codes (issue #14); group ids as strings, times in epoch ms, null = no limit. */
final class InviteJson {
    private InviteJson() {
    }

    @Serdeable
    record CreateBody(@Nullable Long expiresInSeconds, @Nullable Integer maxUses) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Code(String code, String groupId, long createdBy, long createdAt,
                @Nullable Long expiresAt, @Nullable Integer maxUses, int uses) {
        static Code of(InviteCodeInfo c) {
            return new Code(c.getCode(), Long.toString(c.getGroupId()), c.getCreatedBy(),
                    c.getCreatedAtMs(), c.getExpiresAtMs() == 0 ? null : c.getExpiresAtMs(),
                    c.getMaxUses() == 0 ? null : c.getMaxUses(), c.getUses());
        }

        static List<Code> of(List<InviteCodeInfo> codes) {
            return codes.stream().map(Code::of).toList();
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Preview(String groupId, String name, String avatarUrl, int memberCount,
                   String joinPolicy, boolean member) {
        static Preview of(InvitePreview p) {
            return new Preview(Long.toString(p.getGroupId()), p.getName(), p.getAvatarUrl(),
                    p.getMemberCount(), p.getJoinPolicy(), p.getMember());
        }
    }

    /** {@code joined}, or {@code pending} with the application's id (an approval group). */
    @Serdeable
    record Joined(String status, String groupId, @Nullable String applicationId) {
        static Joined of(JoinOutcome o) {
            return new Joined(o.getStatus(), Long.toString(o.getGroupId()),
                    o.getStatus().equals("pending") ? Long.toString(o.getApplicationId()) : null);
        }
    }
}
