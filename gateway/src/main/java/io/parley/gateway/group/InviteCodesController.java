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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.proto.CreateInviteCodeRequest;
import io.parley.contracts.proto.InviteCodeRef;
import io.parley.gateway.api.ErrorBody;
import io.parley.gateway.auth.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * A group's invite codes, for its owner and admins (issue #14): create one (optionally
 * expiring, limited in uses), list the live ones, revoke one. Joining with a code is
 * {@link InvitesController}.
 */
@Controller("/api/groups/{id}/invite-codes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class InviteCodesController {
    private final GroupClient groups;

    InviteCodesController(GroupClient groups) {
        this.groups = groups;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "4101 GROUP_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    InviteJson.Code create(Authentication auth, long id,
                           @Body @Nullable InviteJson.CreateBody body) {
        CreateInviteCodeRequest.Builder request = CreateInviteCodeRequest.newBuilder()
                .setActorId(Caller.id(auth)).setGroupId(id);
        // 0 is "no limit" on the wire: a 0 or less asked for here goes as -1, which logic refuses
        if (body != null && body.expiresInSeconds() != null) {
            request.setExpiresInSeconds(body.expiresInSeconds() > 0 ? body.expiresInSeconds() : -1);
        }
        if (body != null && body.maxUses() != null) {
            request.setMaxUses(body.maxUses() > 0 ? body.maxUses() : -1);
        }
        return InviteJson.Code.of(groups.createInviteCode(request.build()));
    }

    @Get
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GroupJson.Items<InviteJson.Code> list(Authentication auth, long id) {
        return new GroupJson.Items<>(InviteJson.Code.of(
                groups.inviteCodes(Caller.id(auth), id).getCodesList()));
    }

    @Delete("/{code}")
    @ApiResponse(responseCode = "403", description = "4104 NOT_GROUP_ADMIN, 4102 NOT_GROUP_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "4120 INVITE_CODE_INVALID",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> revoke(Authentication auth, long id, String code) {
        groups.revokeInviteCode(InviteCodeRef.newBuilder().setActorId(Caller.id(auth))
                .setGroupId(id).setCode(code).build());
        return HttpResponse.noContent();
    }
}
