package io.parley.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.parley.gateway.auth.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.proto.UserPage;
import io.parley.gateway.auth.AccountClient;
import io.parley.gateway.auth.AccountView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * Profiles: one's own account (read and edit), other users' public profiles by id or exact phone,
 * and search by phone or name prefix.
 */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class UsersController {
    private final AccountClient accounts;

    UsersController(AccountClient accounts) {
        this.accounts = accounts;
    }

    @Get("/me")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    AccountView me(Authentication auth) {
        return AccountView.of(accounts.user(Caller.id(auth)));
    }

    @Patch("/me")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED, 1000 BAD_REQUEST",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    AccountView updateMe(Authentication auth, @Body ProfileEdit edit) {
        return AccountView.of(accounts.updateProfile(Caller.id(auth), edit.displayName(),
                edit.avatarUrl(), edit.bio()));
    }

    @Get("/users/{id}")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "3002 USER_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PublicProfile getUser(long id) {
        return PublicProfile.of(accounts.user(id));
    }

    /** Kept for the web client; the same as a search by phone, but one profile or 404. */
    @Get("/users/lookup")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "3002 USER_NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PublicProfile lookup(@QueryValue String phone) {
        return PublicProfile.of(accounts.byPhone(phone));
    }

    /** {@code ?phone=<exact>} or {@code ?name=<prefix>&limit=&cursor=}. */
    @Get("/users/search")
    @ApiResponse(responseCode = "400", description = "1001 VALIDATION_FAILED, 1007 PAGE_TOO_LARGE",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    PageView<UserSummary> searchUsers(@QueryValue @Nullable String phone,
                                 @QueryValue @Nullable String name,
                                 @QueryValue @Nullable Integer limit,
                                 @QueryValue @Nullable String cursor) {
        UserPage page = accounts.search(phone, name, limit == null ? 0 : limit, cursor);
        return PageView.of(page.getUsersList().stream().map(UserSummary::of).toList(),
                page.getNextCursor());
    }
}
