package io.parley.gateway.auth;

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

/**
 * Registration and login, which forward to logic (login returns the access token), and logout,
 * which revokes the token on every gateway.
 */
@Controller("/api/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {
    private final AccountClient accounts;
    private final TokenService tokens;

    AuthController(AccountClient accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Post("/register")
    @Status(HttpStatus.CREATED)
    AccountView register(@Body RegisterBody body) {
        return AccountView.of(accounts.register(body.phone(), body.displayName(),
                body.password()));
    }

    @Post("/login")
    LoginView login(@Body LoginBody body) {
        UserProfile user = accounts.login(body.phone(), body.password());
        return new LoginView(tokens.issue(user.getUserId(), user.getDisplayName()), "Bearer",
                tokens.ttl().toSeconds(), AccountView.of(user));
    }

    /** 204 once the token is revoked: it no longer works on any gateway, HTTP or WebSocket. */
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    void logout(Authentication auth) {
        tokens.revoke(AccessToken.of(auth)).join();
    }
}
