package io.parley.gateway.controls;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.gateway.api.ErrorBody;
import io.parley.gateway.auth.Caller;
import io.parley.gateway.controls.ControlsViews.MuteBody;
import io.parley.gateway.controls.ControlsViews.MuteState;
import io.parley.gateway.controls.ControlsViews.Tombstone;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** {@code PUT /api/conversations/{id}/mute} and recalling one's own message. */
@Controller("/api/conversations/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ControlsController {
    private final ControlsClient controls;

    ControlsController(ControlsClient controls) {
        this.controls = controls;
    }

    @Put("/mute")
    @ApiResponse(responseCode = "200", description = "the conversation's mute state for the caller",
            content = @Content(schema = @Schema(implementation = MuteState.class)))
    @ApiResponse(responseCode = "400", description = "1001 muted missing",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "5004 not a member of the conversation",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MuteState mute(Authentication auth, String id, @Body MuteBody body) {
        if (body.muted() == null) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "muted is required");
        }
        return new MuteState(id, controls.mute(Caller.id(auth), id, body.muted()).getMuted());
    }

    @Post("/messages/{messageId}/recall")
    @ApiResponse(responseCode = "200", description = "the tombstone of the recalled message",
            content = @Content(schema = @Schema(implementation = Tombstone.class)))
    @ApiResponse(responseCode = "403", description = "5006 someone else's message",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "5009 no such message in this conversation",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "5007 the recall window has passed; "
            + "5008 recalled already",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    Tombstone recall(Authentication auth, String id, long messageId) {
        return Tombstone.of(controls.recall(Caller.id(auth), id, messageId));
    }
}
