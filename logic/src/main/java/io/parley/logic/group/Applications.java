package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.ids.SnowflakeIds;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Applications to approval groups: filed by a join, decided by an owner or admin. A user has at
 * most one pending application per group (a unique key); joining again while one waits returns it.
 * Becoming a member by any path settles it.
 */
@Singleton
public final class Applications {
    private final GroupChanges changes;
    private final Roster roster;
    private final ApplicationRepository applications;
    private final SnowflakeIds ids;
    private final GroupLimits limits;

    Applications(GroupChanges changes, Roster roster, ApplicationRepository applications,
                 SnowflakeIds ids, GroupLimits limits) {
        this.changes = changes;
        this.roster = roster;
        this.applications = applications;
        this.ids = ids;
        this.limits = limits;
    }

    /** Within a join: the actor's pending application, filed now unless one is waiting. */
    long file(Change change, String message) {
        var waiting = applications.findPending(change.groupId(), change.actorId());
        if (waiting.isPresent()) {
            return waiting.get().id();
        }
        if (change.group().memberCount() >= limits.maxMembers()) {
            throw new ParleyException(ErrorCode.GROUP_FULL);
        }
        long id = ids.next();
        applications.insert(id, change.groupId(), change.actorId(), message, change.at());
        return id;
    }

    /** Owner or admin: the applicant becomes a member; 4108 unless the application is pending. */
    public MemberView approve(long actorId, long groupId, long applicationId) {
        return changes.apply(groupId, actorId, change -> {
            roster.requireManager(groupId, actorId);
            Application application = pending(groupId, applicationId);
            roster.add(change, List.of(application.userId()), Role.MEMBER);
            return roster.view(groupId, application.userId());
        });
    }

    /** Owner or admin: the application is turned down; 4108 unless it is pending. */
    public void reject(long actorId, long groupId, long applicationId) {
        changes.apply(groupId, actorId, change -> {
            roster.requireManager(groupId, actorId);
            pending(groupId, applicationId);
            applications.decide(applicationId, Application.REJECTED, change.at(), actorId);
            return null;
        });
    }

    private Application pending(long groupId, long applicationId) {
        return applications.findPendingById(groupId, applicationId).orElseThrow(
                () -> new ParleyException(ErrorCode.GROUP_APPLICATION_NOT_FOUND));
    }
}
