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
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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
    @ApiResponse(responseCode = "400", description = "{code, message}: 1001 a rule broken; "
            + "1015 password over 72 "
            + "bytes (UTF-8); 1000 not JSON; 1014 malformed URL")
    @ApiResponse(responseCode = "413",
            description = "{code, message}: 1009 body over the size limit")
    @ApiResponse(responseCode = "415",
            description = "{code, message}: 1012 body not JSON by its Content-Type")
    AccountView register(@Body RegisterBody body) {
        return AccountView.of(accounts.register(body.phone(), body.displayName(),
                body.password()));
    }

    @Post("/login")
    @ApiResponse(responseCode = "400", description = "{code, message}: 1001 a malformed "
            + "phone (it matches no stored "
            + "phone); 1015 password over 72 bytes (UTF-8); 1000 not JSON")
    @ApiResponse(responseCode = "413",
            description = "{code, message}: 1009 body over the size limit")
    @ApiResponse(responseCode = "415",
            description = "{code, message}: 1012 body not JSON by its Content-Type")
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
