package io.parley.gateway.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.parley.gateway.auth.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ApplicationRef;
import io.parley.contracts.proto.InviteRequest;
import io.parley.contracts.proto.JoinGroupRequest;
import io.parley.contracts.proto.JoinOutcome;
import io.parley.contracts.proto.MemberRef;
import io.parley.contracts.proto.SetRoleRequest;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.parley.gateway.api.ErrorBody;

import static io.parley.gateway.group.GroupsController.nz;

/**
 * Getting in and out of groups and roles in them: join, applications, invitations, leave, kick,
 * promote or demote, transfer ownership.
 */
@Controller("/api/groups/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MembershipController {
    private final GroupClient groups;

    MembershipController(GroupClient groups) {
        this.groups = groups;
    }

    /** 200 {@code joined} for an open group, 202 {@code pending} with the application's id. */
    @Post("/join")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4106 GROUP_JOIN_NOT_ALLOWED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "4105 ALREADY_GROUP_MEMBER, 4103 GROUP_FULL",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "200", description = "joined (an open group)",
            content = @Content(schema = @Schema(implementation = GroupJson.Joined.class)))
    @ApiResponse(responseCode = "202", description = "pending: an application waits for approval",
            content = @Content(schema = @Schema(implementation = GroupJson.Joined.class)))
    HttpResponse<GroupJson.Joined> join(Authentication auth, long id,
                                        @Body @Nullable GroupJson.JoinBody body) {
        JoinOutcome outcome = groups.join(JoinGroupRequest.newBuilder().setActorId(Caller.id(auth))
                .setGroupId(id).setMessage(body == null ? "" : nz(body.message())).build());
        if (outcome.getStatus().equals("pending")) {
            return HttpResponse.<GroupJson.Joined>status(HttpStatus.ACCEPTED).body(
                    new GroupJson.Joined("pending", Long.toString(outcome.getApplicationId())));
        }
        return HttpResponse.ok(new GroupJson.Joined(outcome.getStatus(), null));
    }

    @Get("/applications")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Items<GroupJson.Application> applications(Authentication auth, long id) {
        return new GroupJson.Items<>(GroupJson.Application.of(
                groups.applications(Caller.id(auth), id)));
    }

    @Post("/applications/{appId}/approve")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "4108 GROUP_APPLICATION_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "4103 GROUP_FULL",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Member approve(Authentication auth, long id, long appId) {
        return GroupJson.Member.of(groups.approve(application(auth, id, appId)));
    }

    @Post("/applications/{appId}/reject")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "4108 GROUP_APPLICATION_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> reject(Authentication auth, long id, long appId) {
        groups.reject(application(auth, id, appId));
        return HttpResponse.noContent();
    }

    @Post("/invitations")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "3002 USER_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "4103 GROUP_FULL",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Invited invite(Authentication auth, long id, @Body GroupJson.InviteBody body) {
        if (body.userIds() == null || body.userIds().contains(null)) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "userIds must list user ids");
        }
        return new GroupJson.Invited(groups.invite(InviteRequest.newBuilder()
                .setActorId(Caller.id(auth)).setGroupId(id).addAllUserIds(body.userIds()).build())
                .getAddedList());
    }

    @Post("/leave")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "4107 OWNER_MUST_TRANSFER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> leave(Authentication auth, long id) {
        groups.leave(Caller.id(auth), id);
        return HttpResponse.noContent();
    }

    @Delete("/members/{userId}")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> kick(Authentication auth, long id, long userId) {
        groups.kick(member(auth, id, userId));
        return HttpResponse.noContent();
    }

    @Put("/members/{userId}/role")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Member setRole(Authentication auth, long id, long userId,
                             @Body GroupJson.RoleBody body) {
        return GroupJson.Member.of(groups.setRole(SetRoleRequest.newBuilder()
                .setActorId(Caller.id(auth)).setGroupId(id).setUserId(userId)
                .setRole(nz(body.role())).build()));
    }

    @Post("/transfer")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Group transfer(Authentication auth, long id, @Body GroupJson.TransferBody body) {
        if (body.userId() == null) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "userId is required");
        }
        return GroupJson.Group.of(groups.transfer(member(auth, id, body.userId())));
    }

    private static ApplicationRef application(Authentication auth, long id, long appId) {
        return ApplicationRef.newBuilder().setActorId(Caller.id(auth)).setGroupId(id)
                .setApplicationId(appId).build();
    }

    private static MemberRef member(Authentication auth, long id, long userId) {
        return MemberRef.newBuilder().setActorId(Caller.id(auth)).setGroupId(id).setUserId(userId)
                .build();
    }
}
