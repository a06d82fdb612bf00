package io.parley.gateway.auth;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.proto.UserProfile;

/** Registration and login; both forward to logic, and login returns the access token. */
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
    HttpResponse<AccountView> register(@Body RegisterBody body) {
        UserProfile user = accounts.register(body.phone(), body.displayName(), body.password());
        return HttpResponse.created(AccountView.of(user));
    }

    @Post("/login")
    LoginView login(@Body LoginBody body) {
        UserProfile user = accounts.login(body.phone(), body.password());
        return new LoginView(tokens.issue(user.getUserId(), user.getDisplayName()), "Bearer",
                tokens.ttl().toSeconds(), AccountView.of(user));
    }
}
