package io.parley.gateway.locate;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.parley.gateway.api.ErrorBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** {@code GET /api/gateway}: the WebSocket address a browser should connect to. */
@Controller("/api/gateway")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
final class GatewayController {
    private final GatewayLocator locator;

    GatewayController(GatewayLocator locator) {
        this.locator = locator;
    }

    /** A live gateway's socket address, the least loaded first; wss when this request came over TLS. */
    @Get
    @ApiResponse(responseCode = "200", description = "the gateway to open the socket on",
            content = @Content(schema = @Schema(implementation = GatewayAddress.class)))
    @ApiResponse(responseCode = "401", description = "code 2001: no or an invalid token",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "503", description = "code 9002: no gateway is registered",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    GatewayAddress gateway(HttpRequest<?> request) {
        boolean secure = request.isSecure() || request.getHeaders().get("X-Forwarded-Proto", String.class)
                .map("https"::equalsIgnoreCase).orElse(false);
        return locator.choose(secure);
    }
}
