package io.parley.logic.group;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every member of a group with their role, as cached: {@code userId:role} pairs joined by commas
 * (about 15 bytes a member, 150 KB for the largest group). Empty for an unknown or dissolved
 * group, since a live group always has its owner.
 */
public record MemberList(long groupId, Map<Long, Role> roles) {
    public MemberList {
        roles = Map.copyOf(roles);
    }

    static MemberList of(long groupId, Collection<MemberRole> rows) {
        Map<Long, Role> roles = new LinkedHashMap<>();
        rows.forEach(r -> roles.put(r.userId(), Role.of(r.role())));
        return new MemberList(groupId, roles);
    }

    public boolean contains(long userId) {
        return roles.containsKey(userId);
    }

    public boolean isEmpty() {
        return roles.isEmpty();
    }

    public List<Long> userIds() {
        return List.copyOf(roles.keySet());
    }

    String encode() {
        StringJoiner out = new StringJoiner(",");
        roles.forEach((user, role) -> out.add(user + ":" + role.wire()));
        return out.toString();
    }

    static MemberList decode(long groupId, String value) {
        Map<Long, Role> roles = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int colon = pair.indexOf(':');
            roles.put(Long.parseLong(pair.substring(0, colon)), Role.of(pair.substring(colon + 1)));
        }
        return new MemberList(groupId, roles);
    }
}
