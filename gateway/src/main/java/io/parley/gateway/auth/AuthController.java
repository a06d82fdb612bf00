package io.parley.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.proto.UserProfile;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.parley.gateway.api.ErrorBody;

/**
 * Registration and login, which forward to logic (login returns a short-lived access token and a
 * refresh token), the refresh that rotates the refresh token, and logout, which revokes the access
 * token on every gateway and the refresh token's family.
 */
@Controller("/api/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {
    private final AccountClient accounts;
    private final TokenService tokens;
    private final RefreshTokens refreshTokens;

    AuthController(AccountClient accounts, TokenService tokens, RefreshTokens refreshTokens) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
    }

    @Post("/register")
    @Status(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "1001 a rule broken; 1015 password over 72 "
            + "bytes (UTF-8); 1000 not JSON; 1014 malformed URL",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "3001 PHONE_TAKEN",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "413", description = "1009 body over the size limit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = "1012 body not JSON by its Content-Type",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    AccountView register(@Body RegisterBody body) {
        return AccountView.of(accounts.register(body.phone(), body.displayName(),
                body.password()));
    }

    @Post("/login")
    @ApiResponse(responseCode = "400", description = "1001 a malformed phone (it matches no "
            + "stored phone); 1015 password over 72 bytes (UTF-8); 1000 not JSON",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2002 BAD_CREDENTIALS",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "413", description = "1009 body over the size limit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = "1012 body not JSON by its Content-Type",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    LoginView login(@Body LoginBody body) {
        UserProfile user = accounts.login(body.phone(), body.password());
        return signedIn(user, refreshTokens.issue(user.getUserId()));
    }

    /** A new access token and the next refresh token for a refresh token, which is spent. */
    @Post("/refresh")
    @ApiResponse(responseCode = "200", description = "a new access token and the next refresh token",
            content = @Content(schema = @Schema(implementation = LoginView.class)))
    @ApiResponse(responseCode = "401", description = "2004: unknown, expired or revoked; "
            + "2005: already spent, the whole family is now revoked",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "1005: too many requests",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    LoginView refresh(@Body RefreshBody body) {
        RefreshToken next = refreshTokens.rotate(body.refreshToken());
        return signedIn(accounts.user(next.userId()), next);
    }

    /**
     * 204 once the access token is revoked: it no longer works on any gateway, HTTP or WebSocket.
     * A refresh token in the body (the caller's own) is revoked with its whole family.
     */
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "204", description = "logged out; the refresh token's family too")
    @ApiResponse(responseCode = "401", description = "2001: no token, or one already logged out",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Status(HttpStatus.NO_CONTENT)
    void logout(Authentication auth, @Body @Nullable RefreshBody body) {
        AccessToken token = AccessToken.of(auth);
        if (body != null && body.refreshToken() != null && !body.refreshToken().isBlank()) {
            refreshTokens.revoke(token.userId(), body.refreshToken());
        }
        tokens.revoke(token).join();
    }

    private LoginView signedIn(UserProfile user, RefreshToken refresh) {
        return new LoginView(tokens.issue(user.getUserId(), user.getDisplayName()), "Bearer",
                tokens.ttl().toSeconds(), refresh.token(), refreshTokens.ttlSeconds(),
                AccountView.of(user));
    }
}
