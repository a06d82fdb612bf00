package io.parley.gateway.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.parley.gateway.auth.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.proto.CreateGroupRequest;
import io.parley.contracts.proto.ListMembersRequest;
import io.parley.contracts.proto.MemberPage;
import io.parley.contracts.proto.UpdateGroupRequest;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.parley.gateway.api.ErrorBody;

/** Groups themselves: create, read, edit, dissolve, list mine, page through members. */
@Controller("/api/groups")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class GroupsController {
    private final GroupClient groups;

    GroupsController(GroupClient groups) {
        this.groups = groups;
    }

    @Post
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "201", description = "the new group, the caller its owner",
            content = @Content(schema = @Schema(implementation = GroupJson.Group.class)))
    @Status(HttpStatus.CREATED)
    HttpResponse<GroupJson.Group> create(Authentication auth, @Body GroupBody body) {
        CreateGroupRequest request = CreateGroupRequest.newBuilder()
                .setActorId(Caller.id(auth))
                .setName(nz(body.name()))
                .setAvatarUrl(nz(body.avatarUrl()))
                .setNotice(nz(body.notice()))
                .setJoinPolicy(nz(body.joinPolicy()))
                .build();
        return HttpResponse.created(GroupJson.Group.of(groups.create(request)));
    }

    @Get
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Items<GroupJson.Group> mine(Authentication auth) {
        return new GroupJson.Items<>(groups.mine(Caller.id(auth)).getGroupsList().stream()
                .map(GroupJson.Group::of).toList());
    }

    @Get("/{id}")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "4101 GROUP_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Group get(Authentication auth, long id) {
        return GroupJson.Group.of(groups.get(Caller.id(auth), id));
    }

    @Patch("/{id}")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Group update(Authentication auth, long id, @Body GroupBody body) {
        UpdateGroupRequest.Builder request = UpdateGroupRequest.newBuilder()
                .setActorId(Caller.id(auth)).setGroupId(id);
        if (body.name() != null) {
            request.setName(body.name());
        }
        if (body.avatarUrl() != null) {
            request.setAvatarUrl(body.avatarUrl());
        }
        if (body.notice() != null) {
            request.setNotice(body.notice());
        }
        if (body.joinPolicy() != null) {
            request.setJoinPolicy(body.joinPolicy());
        }
        return GroupJson.Group.of(groups.update(request.build()));
    }

    @Delete("/{id}")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "4101 GROUP_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> dissolve(Authentication auth, long id) {
        groups.dissolve(Caller.id(auth), id);
        return HttpResponse.noContent();
    }

    @Get("/{id}/members")
    @ApiResponse(responseCode = "400", description = "1007 PAGE_TOO_LARGE, 1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Page<GroupJson.Member> members(Authentication auth, long id,
                                             @QueryValue @Nullable Integer limit,
                                             @QueryValue @Nullable String cursor) {
        MemberPage page = groups.members(ListMembersRequest.newBuilder()
                .setActorId(Caller.id(auth)).setGroupId(id)
                .setLimit(limit == null ? 0 : limit)
                .setCursor(nz(cursor)).build());
        return new GroupJson.Page<>(page.getMembersList().stream().map(GroupJson.Member::of)
                .toList(), page.getNextCursor().isEmpty() ? null : page.getNextCursor());
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
