package io.parley.gateway.group;

import io.parley.contracts.proto.ApplicationList;
import io.parley.contracts.proto.ApplicationRef;
import io.parley.contracts.proto.CreateGroupRequest;
import io.parley.contracts.proto.CreateInviteCodeRequest;
import io.parley.contracts.proto.InviteCodeInfo;
import io.parley.contracts.proto.InviteCodeList;
import io.parley.contracts.proto.InviteCodeRef;
import io.parley.contracts.proto.InvitePreview;
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
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * Calls logic's group service with deadlines and a circuit breaker. Reads are retried on
 * transport failures; changes are not (a retried join or kick could be applied twice).
 */
@Singleton
final class GroupClient {
    private final GroupServiceGrpc.GroupServiceBlockingStub stub;
    private final RpcGuard guard;

    GroupClient(ServiceChannels channels, RpcGuards guards) {
        this.stub = GroupServiceGrpc.newBlockingStub(channels.channel("logic"));
        this.guard = guards.of("logic");
    }

    GroupInfo create(CreateGroupRequest request) {
        return guard.once(() -> stub().createGroup(request));
    }

    GroupInfo get(long actorId, long groupId) {
        return guard.idempotent(() -> stub().getGroup(ref(actorId, groupId)));
    }

    GroupInfo update(UpdateGroupRequest request) {
        return guard.once(() -> stub().updateGroup(request));
    }

    void dissolve(long actorId, long groupId) {
        guard.once(() -> stub().dissolveGroup(ref(actorId, groupId)));
    }

    GroupList mine(long actorId) {
        MyGroupsRequest request = MyGroupsRequest.newBuilder().setActorId(actorId).build();
        return guard.idempotent(() -> stub().listMyGroups(request));
    }

    MemberPage members(ListMembersRequest request) {
        return guard.idempotent(() -> stub().listMembers(request));
    }

    JoinOutcome join(JoinGroupRequest request) {
        return guard.once(() -> stub().joinGroup(request));
    }

    ApplicationList applications(long actorId, long groupId) {
        return guard.idempotent(() -> stub().listApplications(ref(actorId, groupId)));
    }

    GroupMember approve(ApplicationRef request) {
        return guard.once(() -> stub().approveApplication(request));
    }

    void reject(ApplicationRef request) {
        guard.once(() -> stub().rejectApplication(request));
    }

    InviteOutcome invite(InviteRequest request) {
        return guard.once(() -> stub().inviteMembers(request));
    }

    void leave(long actorId, long groupId) {
        guard.once(() -> stub().leaveGroup(ref(actorId, groupId)));
    }

    void kick(MemberRef request) {
        guard.once(() -> stub().kickMember(request));
    }

    GroupMember setRole(SetRoleRequest request) {
        return guard.once(() -> stub().setMemberRole(request));
    }

    GroupInfo transfer(MemberRef request) {
        return guard.once(() -> stub().transferOwnership(request));
    }

    InviteCodeInfo createInviteCode(CreateInviteCodeRequest request) {
        return guard.once(() -> stub().createInviteCode(request));
    }

    InviteCodeList inviteCodes(long actorId, long groupId) {
        return guard.idempotent(() -> stub().listInviteCodes(ref(actorId, groupId)));
    }

    void revokeInviteCode(InviteCodeRef request) {
        guard.once(() -> stub().revokeInviteCode(request));
    }

    InvitePreview previewInviteCode(InviteCodeRef request) {
        return guard.idempotent(() -> stub().previewInviteCode(request));
    }

    JoinOutcome joinByInviteCode(InviteCodeRef request) {
        return guard.once(() -> stub().joinByInviteCode(request));
    }

    private static GroupRef ref(long actorId, long groupId) {
        return GroupRef.newBuilder().setActorId(actorId).setGroupId(groupId).build();
    }

    private GroupServiceGrpc.GroupServiceBlockingStub stub() {
        return stub.withDeadlineAfter(guard.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
