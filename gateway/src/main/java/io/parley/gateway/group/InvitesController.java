package io.parley.gateway.group;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.proto.InviteCodeRef;
import io.parley.contracts.proto.JoinOutcome;
import io.parley.gateway.api.ErrorBody;
import io.parley.gateway.auth.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * An invite link's two steps for any logged-in user (issue #14): see which group the code leads
 * to, then join it. Every code that leads nowhere (unknown, revoked, expired, used up) is the
 * same 404 4120.
 */
@Controller("/api/invites/{code}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class InvitesController {
    private final GroupClient groups;

    InvitesController(GroupClient groups) {
        this.groups = groups;
    }

    @Get
    @ApiResponse(responseCode = "404", description = "4120 INVITE_CODE_INVALID",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    InviteJson.Preview preview(Authentication auth, String code) {
        return InviteJson.Preview.of(groups.previewInviteCode(ref(auth, code)));
    }

    /** 200 {@code joined}; 202 {@code pending} in an approval group (an application waits). */
    @Post("/join")
    @ApiResponse(responseCode = "404", description = "4120 INVITE_CODE_INVALID",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "4105 ALREADY_GROUP_MEMBER, 4103 GROUP_FULL",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<InviteJson.Joined> join(Authentication auth, String code) {
        JoinOutcome outcome = groups.joinByInviteCode(ref(auth, code));
        return HttpResponse.status(outcome.getStatus().equals("pending") ? HttpStatus.ACCEPTED
                : HttpStatus.OK).body(InviteJson.Joined.of(outcome));
    }

    private static InviteCodeRef ref(Authentication auth, String code) {
        return InviteCodeRef.newBuilder().setActorId(Caller.id(auth)).setCode(code).build();
    }
}
