package io.parley.gateway.friend;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.parley.gateway.auth.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.BlockPage;
import io.parley.gateway.api.PageView;
import io.parley.gateway.friend.FriendViews.BlockBody;
import io.parley.gateway.friend.FriendViews.BlockedView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.parley.gateway.api.ErrorBody;

/** Whom the signed-in user blocks. A block also ends the friendship and pending requests. */
@Controller("/api/blocks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BlocksController {
    private final FriendClient friends;

    BlocksController(FriendClient friends) {
        this.friends = friends;
    }

    @Post
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "3002 USER_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    void block(Authentication auth, @Body BlockBody body) {
        if (body.userId() == null) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "userId is required");
        }
        friends.block(Caller.id(auth), body.userId());
    }

    @Delete("/{userId}")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    void unblock(Authentication auth, long userId) {
        friends.unblock(Caller.id(auth), userId);
    }

    @Get
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PageView<BlockedView> listBlocks(Authentication auth, @QueryValue @Nullable Integer limit,
                               @QueryValue @Nullable String cursor) {
        BlockPage page = friends.blocked(Caller.id(auth), limit == null ? 0 : limit, cursor);
        return PageView.of(page.getUsersList().stream().map(BlockedView::of).toList(),
                page.getNextCursor());
    }
}
