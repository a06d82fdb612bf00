package io.parley.gateway.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.parley.gateway.auth.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.proto.HistoryReply;
import io.parley.contracts.proto.ListConversationsReply;
import io.parley.gateway.conversation.ConversationViews.ConversationPage;
import io.parley.gateway.conversation.ConversationViews.ConversationView;
import io.parley.gateway.conversation.ConversationViews.MessagePage;
import io.parley.gateway.conversation.ConversationViews.ReadBody;
import io.parley.gateway.conversation.ConversationViews.ReadersView;
import io.parley.gateway.conversation.ConversationViews.ReadState;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.parley.gateway.api.ErrorBody;

/**
 * The signed-in user's conversations: the list with unread counts, history pages (scroll back,
 * or catch up after a seq), and marking read. Logic refuses non-members.
 */
@Controller("/api/conversations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConversationsController {
    private final ConversationClient conversations;

    ConversationsController(ConversationClient conversations) {
        this.conversations = conversations;
    }

    @Get
    @ApiResponse(responseCode = "400", description = "1007 PAGE_TOO_LARGE",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ConversationPage list(Authentication auth, @QueryValue(defaultValue = "0") int limit,
                          @Nullable @QueryValue String cursor) {
        ListConversationsReply reply = conversations.list(Caller.id(auth), limit, cursor);
        return new ConversationPage(reply.getConversationsList().stream()
                .map(ConversationView::of).toList(),
                reply.getNextCursor().isEmpty() ? null : reply.getNextCursor());
    }

    @Get("/{id}/messages")
    @ApiResponse(responseCode = "400", description = "1007 PAGE_TOO_LARGE",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "5004 NOT_CONVERSATION_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    MessagePage messages(Authentication auth, String id,
                         @QueryValue(defaultValue = "0") long beforeSeq,
                         @Nullable @QueryValue Long afterSeq,
                         @QueryValue(defaultValue = "0") int limit) {
        HistoryReply reply = conversations.history(Caller.id(auth), id, beforeSeq, afterSeq, limit);
        return new MessagePage(reply.getMessagesList().stream().map(ConversationViews::message)
                .toList(), reply.getHasMore());
    }

    @Get("/{id}/messages/{seq}/readers")
    @ApiResponse(responseCode = "400", description = "1007 PAGE_TOO_LARGE",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "5004 NOT_CONVERSATION_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ReadersView readers(Authentication auth, String id, long seq,
                        @QueryValue(defaultValue = "0") int limit,
                        @Nullable @QueryValue String cursor) {
        return ReadersView.of(conversations.readers(Caller.id(auth), id, seq, limit, cursor));
    }

    @Post("/{id}/read")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "5004 NOT_CONVERSATION_MEMBER",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    ReadState read(Authentication auth, String id, @Body ReadBody body) {
        return ReadState.of(conversations.markRead(Caller.id(auth), id, body.seq()));
    }
}
