package io.parley.gateway.friend;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.parley.contracts.proto.Direction;
import io.parley.contracts.proto.FriendPage;
import io.parley.contracts.proto.FriendRequestPage;
import io.parley.contracts.proto.SendFriendReply;
import io.parley.gateway.api.PageView;
import io.parley.gateway.friend.FriendViews.FriendView;
import io.parley.gateway.friend.FriendViews.PendingView;
import io.parley.gateway.friend.FriendViews.RequestBody;
import io.parley.gateway.friend.FriendViews.RequestView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.Locale;
import io.parley.gateway.api.ErrorBody;

/** Friend requests and the friend list of the signed-in user. */
@Controller("/api/friends")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class FriendsController {
    private final FriendClient friends;

    FriendsController(FriendClient friends) {
        this.friends = friends;
    }

    /** 201 with a new pending request; 200 with the pending one, or the accepted crossing one. */
    @Post("/requests")
    @ApiResponse(responseCode = "400", description = "4001 FRIEND_REQUEST_TO_SELF, 1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "4003 BLOCKED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "3002 USER_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "4002 ALREADY_FRIENDS",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "201", description = "a new pending request",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @ApiResponse(responseCode = "200",
            description = "the pending request already sent, or theirs to me, now accepted")
    HttpResponse<RequestView> sendRequest(Authentication auth, @Body RequestBody body) {
        if (body.toUserId() == null) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "toUserId is required");
        }
        SendFriendReply reply = friends.request(Caller.id(auth), body.toUserId(), body.greeting());
        RequestView view = RequestView.of(reply.getRequest());
        return reply.getCreated() ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    /** My pending requests, newest first: {@code direction=incoming} (default) or outgoing. */
    @Get("/requests")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED, 1007 PAGE_TOO_LARGE",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PageView<PendingView> listRequests(Authentication auth,
                                   @QueryValue @Nullable String direction,
                                   @QueryValue @Nullable Integer limit,
                                   @QueryValue @Nullable String cursor) {
        FriendRequestPage page = friends.requests(Caller.id(auth), direction(direction),
                limit == null ? 0 : limit, cursor);
        return PageView.of(page.getRequestsList().stream().map(PendingView::of).toList(),
                page.getNextCursor());
    }

    @Post("/requests/{id}/accept")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "4004 FRIEND_REQUEST_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    FriendView acceptRequest(Authentication auth, long id) {
        return FriendView.of(friends.accept(Caller.id(auth), id));
    }

    @Post("/requests/{id}/reject")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "4004 FRIEND_REQUEST_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    void rejectRequest(Authentication auth, long id) {
        friends.reject(Caller.id(auth), id);
    }

    @Get
    @ApiResponse(responseCode = "400", description = "1007 PAGE_TOO_LARGE, 1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PageView<FriendView> listFriends(Authentication auth, @QueryValue @Nullable Integer limit,
                              @QueryValue @Nullable String cursor) {
        FriendPage page = friends.friends(Caller.id(auth), limit == null ? 0 : limit, cursor);
        return PageView.of(page.getFriendsList().stream().map(FriendView::of).toList(),
                page.getNextCursor());
    }

    /** Ends the friendship both ways; 204 also when there was none. */
    @Delete("/{userId}")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    void unfriend(Authentication auth, long userId) {
        friends.unfriend(Caller.id(auth), userId);
    }

    private static Direction direction(@Nullable String direction) {
        String d = direction == null ? "incoming" : direction.toLowerCase(Locale.ROOT);
        return switch (d) {
            case "incoming" -> Direction.INCOMING;
            case "outgoing" -> Direction.OUTGOING;
            default -> throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "direction must be incoming or outgoing");
        };
    }
}
