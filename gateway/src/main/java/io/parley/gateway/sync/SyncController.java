package io.parley.gateway.sync;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.gateway.api.ErrorBody;
import io.parley.gateway.auth.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** {@code GET /api/sync}: everything a reconnecting device missed, in one call per page. */
@Controller("/api/sync")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
final class SyncController {
    private final SyncClient sync;

    SyncController(SyncClient sync) {
        this.sync = sync;
    }

    @Get
    @ApiResponse(responseCode = "200", description = "inbox entries after afterInboxSeq and "
            + "the state of the caller's large groups",
            content = @Content(schema = @Schema(implementation = SyncView.class)))
    @ApiResponse(responseCode = "400", description = "1001 negative afterInboxSeq or limit; "
            + "1007 limit above the maximum page size",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    SyncView sync(Authentication auth, @QueryValue(defaultValue = "0") long afterInboxSeq,
                  @QueryValue(defaultValue = "0") int limit) {
        return SyncView.of(sync.sync(Caller.id(auth), afterInboxSeq, limit));
    }
}
