package io.parley.gateway.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.gateway.auth.AccountClient;
import io.parley.gateway.auth.AccountView;

/** Profiles: one's own account, and other users' public profiles by id or exact phone. */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class UsersController {
    private final AccountClient accounts;

    UsersController(AccountClient accounts) {
        this.accounts = accounts;
    }

    @Get("/me")
    AccountView me(Authentication auth) {
        return AccountView.of(accounts.user(Long.parseLong(auth.getName())));
    }

    @Get("/users/{id}")
    PublicProfile user(long id) {
        return PublicProfile.of(accounts.user(id));
    }

    @Get("/users/lookup")
    PublicProfile lookup(@QueryValue String phone) {
        return PublicProfile.of(accounts.byPhone(phone));
    }
}
