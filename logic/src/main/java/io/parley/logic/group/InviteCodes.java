package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Invite codes of groups (issue #14): an owner or admin creates one (optionally expiring and
 * limited in uses), shares it as a link, and revokes it; any logged-in user previews the group
 * and joins with it. A code is 96 random bits (16 URL-safe characters), so it cannot be guessed
 * and tells nothing about the group. A code stands for an admin's invitation: it admits to
 * {@code open} and {@code invite} groups; in an {@code approval} group it files an application,
 * since the owner chose to approve every member. The group's size limit holds (4103). Every
 * unknown, revoked, expired or used-up code is the same 4120, so probing tells nothing.
 */
@Singleton
public final class InviteCodes {
    private static final int CODE_BYTES = 12;
    private static final int MAX_CODE_LENGTH = 32;

    private final GroupChanges changes;
    private final Roster roster;
    private final Applications applications;
    private final InviteCodeRepository codes;
    private final GroupLimits limits;
    private final GroupRepository groups;
    private final SecureRandom random = new SecureRandom();

    InviteCodes(GroupChanges changes, Roster roster, Applications applications,
                InviteCodeRepository codes, GroupLimits limits, GroupRepository groups) {
        this.groups = groups;
        this.changes = changes;
        this.roster = roster;
        this.applications = applications;
        this.codes = codes;
        this.limits = limits;
    }

    /** {@code expiresIn} and {@code maxUses} may be null (no limit). Owner or admin only. */
    public InviteCode create(long actorId, long groupId, Duration expiresIn, Integer maxUses) {
        if (expiresIn != null && (expiresIn.compareTo(Duration.ofMinutes(1)) < 0
                || expiresIn.compareTo(limits.inviteCodeMaxTtl()) > 0)) {
            throw invalid("expiresInSeconds must be 60-" + limits.inviteCodeMaxTtl().toSeconds());
        }
        if (maxUses != null && (maxUses < 1 || maxUses > limits.inviteCodeMaxUses())) {
            throw invalid("maxUses must be 1-" + limits.inviteCodeMaxUses());
        }
        return changes.apply(groupId, actorId, change -> {
            roster.requireManager(groupId, actorId);
            if (codes.listLive(groupId, change.at()).size() >= limits.maxInviteCodes()) {
                throw invalid("a group has at most " + limits.maxInviteCodes()
                        + " live invite codes; revoke one first");
            }
            String code = newCode();
            Instant expires = expiresIn == null ? null : change.at().plus(expiresIn);
            codes.insert(code, groupId, actorId, change.at(), expires, maxUses);
            return new InviteCode(code, groupId, actorId, change.at(), expires, maxUses, 0, null);
        });
    }

    /** The group's live codes, newest first. Owner or admin only. */
    public List<InviteCode> list(long actorId, long groupId) {
        roster.requireManager(groupId, actorId);
        Instant now = changes.now();
        return codes.listLive(groupId, now).stream().filter(c -> c.live(now)).toList();
    }

    /** Owner or admin only; 4120 for a code that is not the group's or already revoked. */
    public void revoke(long actorId, long groupId, String code) {
        String wanted = checked(code);
        changes.apply(groupId, actorId, change -> {
            roster.requireManager(groupId, actorId);
            if (codes.revoke(wanted, groupId, change.at()) == 0) {
                throw new ParleyException(ErrorCode.INVITE_CODE_INVALID);
            }
            return null;
        });
    }

    /** The group a live code leads to, to show before joining; 4120 otherwise. */
    public Preview preview(long actorId, String code) {
        InviteCode found = live(code);
        Group group = groups.findLive(found.groupId())
                .orElseThrow(() -> new ParleyException(ErrorCode.INVITE_CODE_INVALID));
        return new Preview(group, roster.isMember(group.id(), actorId));
    }

    /** What a code shows: the group, and whether the caller is in it already. */
    public record Preview(Group group, boolean member) {
    }

    private InviteCode live(String code) {
        InviteCode found = codes.find(checked(code))
                .orElseThrow(() -> new ParleyException(ErrorCode.INVITE_CODE_INVALID));
        if (!found.live(changes.now())) {
            throw new ParleyException(ErrorCode.INVITE_CODE_INVALID);
        }
        return found;
    }

    /**
     * Joins {@code actorId} to the code's group (an application in an approval group); the code
     * is checked again and its use counted under the group's lock, so a code with one use left
     * admits exactly one of two users joining at once.
     */
    public Joined join(long actorId, String code) {
        InviteCode found = live(code);
        return changes.apply(found.groupId(), actorId, change -> {
            InviteCode now = codes.find(found.code()).filter(c -> c.live(change.at()))
                    .orElseThrow(() -> new ParleyException(ErrorCode.INVITE_CODE_INVALID));
            if (roster.isMember(now.groupId(), actorId)) {
                throw new ParleyException(ErrorCode.ALREADY_GROUP_MEMBER);
            }
            JoinResult result;
            if (change.group().policy() == JoinPolicy.APPROVAL) {
                result = JoinResult.pending(applications.file(change, ""));
            } else {
                roster.add(change, List.of(actorId), Role.MEMBER);
                result = JoinResult.joined();
            }
            codes.use(now.code());
            return new Joined(now.groupId(), result);
        });
    }

    /** The group a code led to, and how the join went. */
    public record Joined(long groupId, JoinResult result) {
    }

    private String newCode() {
        byte[] bytes = new byte[CODE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String checked(String code) {
        if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH
                || !code.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '-' || c == '_')) {
            throw new ParleyException(ErrorCode.INVITE_CODE_INVALID);
        }
        return code;
    }

    private static ParleyException invalid(String message) {
        return new ParleyException(ErrorCode.VALIDATION_FAILED, message);
    }
}
