package io.parley.logic.group;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.proto.ApplicationList;
import io.parley.contracts.proto.ApplicationRef;
import io.parley.contracts.proto.CreateGroupRequest;
import io.parley.contracts.proto.CreateInviteCodeRequest;
import io.parley.contracts.proto.InviteCodeInfo;
import io.parley.contracts.proto.InviteCodeList;
import io.parley.contracts.proto.InviteCodeRef;
import io.parley.contracts.proto.InvitePreview;
import io.parley.contracts.proto.GroupApplication;
import io.parley.contracts.proto.GroupDone;
import io.parley.contracts.proto.GroupInfo;
import io.parley.contracts.proto.GroupList;
import io.parley.contracts.proto.GroupMember;
import io.parley.contracts.proto.GroupRef;
import io.parley.contracts.proto.GroupServiceGrpc;
import io.parley.contracts.proto.InviteOutcome;
import io.parley.contracts.proto.InviteRequest;
import io.parley.contracts.proto.JoinGroupRequest;
import io.parley.contracts.proto.JoinOutcome;
import io.parley.contracts.proto.ListMembersRequest;
import io.parley.contracts.proto.MemberPage;
import io.parley.contracts.proto.MemberRef;
import io.parley.contracts.proto.MyGroupsRequest;
import io.parley.contracts.proto.SetRoleRequest;
import io.parley.contracts.proto.UpdateGroupRequest;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

import java.time.Duration;

/** gRPC face of groups for the gateway's HTTP API: decode, call one domain method, encode. */
@Singleton
final class GroupEndpoint extends GroupServiceGrpc.GroupServiceImplBase {
    private static final GroupDone DONE = GroupDone.getDefaultInstance();

    private final Groups groups;
    private final GroupDirectory directory;
    private final Membership membership;
    private final Applications applications;
    private final InviteCodes invites;

    GroupEndpoint(Groups groups, GroupDirectory directory, Membership membership,
                  Applications applications, InviteCodes invites) {
        this.invites = invites;
        this.groups = groups;
        this.directory = directory;
        this.membership = membership;
        this.applications = applications;
    }

    @Override
    public void createGroup(CreateGroupRequest r, StreamObserver<GroupInfo> observer) {
        GrpcErrors.respond(observer, () -> info(groups.create(r.getActorId(), new GroupProfile(
                r.getName(), r.getAvatarUrl(), r.getNotice(), JoinPolicy.of(r.getJoinPolicy())))));
    }

    @Override
    public void getGroup(GroupRef r, StreamObserver<GroupInfo> observer) {
        GrpcErrors.respond(observer, () -> info(directory.get(r.getActorId(), r.getGroupId())));
    }

    @Override
    public void updateGroup(UpdateGroupRequest r, StreamObserver<GroupInfo> observer) {
        GrpcErrors.respond(observer, () -> info(groups.update(r.getActorId(), r.getGroupId(),
                r.hasName() ? r.getName() : null, r.hasAvatarUrl() ? r.getAvatarUrl() : null,
                r.hasNotice() ? r.getNotice() : null,
                r.hasJoinPolicy() ? r.getJoinPolicy() : null)));
    }

    @Override
    public void dissolveGroup(GroupRef r, StreamObserver<GroupDone> observer) {
        GrpcErrors.respond(observer, () -> {
            groups.dissolve(r.getActorId(), r.getGroupId());
            return DONE;
        });
    }

    @Override
    public void listMyGroups(MyGroupsRequest r, StreamObserver<GroupList> observer) {
        GrpcErrors.respond(observer, () -> GroupList.newBuilder().addAllGroups(
                directory.groupsOf(r.getActorId()).stream().map(GroupEndpoint::info).toList())
                .build());
    }

    @Override
    public void listMembers(ListMembersRequest r, StreamObserver<MemberPage> observer) {
        GrpcErrors.respond(observer, () -> {
            var page = directory.members(r.getActorId(), r.getGroupId(), r.getLimit(),
                    r.getCursor());
            return MemberPage.newBuilder()
                    .addAllMembers(page.members().stream().map(GroupEndpoint::member).toList())
                    .setNextCursor(page.nextCursor() == null ? "" : page.nextCursor())
                    .build();
        });
    }

    @Override
    public void joinGroup(JoinGroupRequest r, StreamObserver<JoinOutcome> observer) {
        GrpcErrors.respond(observer, () -> {
            return outcome(membership.join(r.getActorId(), r.getGroupId(), r.getMessage()))
                    .build();
        });
    }

    @Override
    public void listApplications(GroupRef r, StreamObserver<ApplicationList> observer) {
        GrpcErrors.respond(observer, () -> ApplicationList.newBuilder().addAllApplications(
                directory.pendingApplications(r.getActorId(), r.getGroupId()).stream()
                        .map(GroupEndpoint::application).toList()).build());
    }

    @Override
    public void approveApplication(ApplicationRef r, StreamObserver<GroupMember> observer) {
        GrpcErrors.respond(observer, () -> member(applications.approve(r.getActorId(),
                r.getGroupId(), r.getApplicationId())));
    }

    @Override
    public void rejectApplication(ApplicationRef r, StreamObserver<GroupDone> observer) {
        GrpcErrors.respond(observer, () -> {
            applications.reject(r.getActorId(), r.getGroupId(), r.getApplicationId());
            return DONE;
        });
    }

    @Override
    public void inviteMembers(InviteRequest r, StreamObserver<InviteOutcome> observer) {
        GrpcErrors.respond(observer, () -> InviteOutcome.newBuilder().addAllAdded(
                membership.invite(r.getActorId(), r.getGroupId(), r.getUserIdsList())).build());
    }

    @Override
    public void leaveGroup(GroupRef r, StreamObserver<GroupDone> observer) {
        GrpcErrors.respond(observer, () -> {
            membership.leave(r.getActorId(), r.getGroupId());
            return DONE;
        });
    }

    @Override
    public void kickMember(MemberRef r, StreamObserver<GroupDone> observer) {
        GrpcErrors.respond(observer, () -> {
            membership.kick(r.getActorId(), r.getGroupId(), r.getUserId());
            return DONE;
        });
    }

    @Override
    public void setMemberRole(SetRoleRequest r, StreamObserver<GroupMember> observer) {
        GrpcErrors.respond(observer, () -> member(membership.setRole(r.getActorId(),
                r.getGroupId(), r.getUserId(), r.getRole())));
    }

    @Override
    public void transferOwnership(MemberRef r, StreamObserver<GroupInfo> observer) {
        GrpcErrors.respond(observer, () -> info(membership.transfer(r.getActorId(),
                r.getGroupId(), r.getUserId())));
    }

    @Override
    public void createInviteCode(CreateInviteCodeRequest r,
                                 StreamObserver<InviteCodeInfo> observer) {
        GrpcErrors.respond(observer, () -> code(invites.create(r.getActorId(), r.getGroupId(),
                r.getExpiresInSeconds() == 0 ? null : Duration.ofSeconds(r.getExpiresInSeconds()),
                r.getMaxUses() == 0 ? null : r.getMaxUses())));
    }

    @Override
    public void listInviteCodes(GroupRef r, StreamObserver<InviteCodeList> observer) {
        GrpcErrors.respond(observer, () -> InviteCodeList.newBuilder().addAllCodes(
                invites.list(r.getActorId(), r.getGroupId()).stream().map(GroupEndpoint::code)
                        .toList()).build());
    }

    @Override
    public void revokeInviteCode(InviteCodeRef r, StreamObserver<GroupDone> observer) {
        GrpcErrors.respond(observer, () -> {
            invites.revoke(r.getActorId(), r.getGroupId(), r.getCode());
            return DONE;
        });
    }

    @Override
    public void previewInviteCode(InviteCodeRef r, StreamObserver<InvitePreview> observer) {
        GrpcErrors.respond(observer, () -> {
            InviteCodes.Preview p = invites.preview(r.getActorId(), r.getCode());
            Group g = p.group();
            return InvitePreview.newBuilder().setGroupId(g.id()).setName(g.name())
                    .setAvatarUrl(g.avatarUrl()).setMemberCount(g.memberCount())
                    .setJoinPolicy(g.joinPolicy()).setMember(p.member()).build();
        });
    }

    @Override
    public void joinByInviteCode(InviteCodeRef r, StreamObserver<JoinOutcome> observer) {
        GrpcErrors.respond(observer, () -> {
            InviteCodes.Joined joined = invites.join(r.getActorId(), r.getCode());
            return outcome(joined.result()).setGroupId(joined.groupId()).build();
        });
    }

    private static JoinOutcome.Builder outcome(JoinResult result) {
        return JoinOutcome.newBuilder().setStatus(result.pending() ? "pending" : "joined")
                .setApplicationId(result.applicationId());
    }

    private static InviteCodeInfo code(InviteCode c) {
        return InviteCodeInfo.newBuilder().setCode(c.code()).setGroupId(c.groupId())
                .setCreatedBy(c.createdBy()).setCreatedAtMs(c.createdAt().toEpochMilli())
                .setExpiresAtMs(c.expiresAt() == null ? 0 : c.expiresAt().toEpochMilli())
                .setMaxUses(c.maxUses() == null ? 0 : c.maxUses()).setUses(c.uses()).build();
    }

    private static GroupInfo info(GroupView view) {
        Group g = view.group();
        return GroupInfo.newBuilder()
                .setGroupId(g.id())
                .setName(g.name())
                .setAvatarUrl(g.avatarUrl())
                .setNotice(g.notice())
                .setJoinPolicy(g.joinPolicy())
                .setOwnerId(g.ownerId())
                .setMemberCount(g.memberCount())
                .setMyRole(view.myRole().wire())
                .setCreatedAtMs(g.createdAt().toEpochMilli())
                .build();
    }

    private static GroupMember member(MemberView m) {
        return GroupMember.newBuilder().setUserId(m.userId()).setDisplayName(m.displayName())
                .setRole(m.role()).setJoinedAtMs(m.joinedAt().toEpochMilli()).build();
    }

    private static GroupApplication application(Application a) {
        return GroupApplication.newBuilder().setApplicationId(a.id()).setUserId(a.userId())
                .setDisplayName(a.displayName()).setMessage(a.message())
                .setCreatedAtMs(a.createdAt().toEpochMilli()).build();
    }
}
