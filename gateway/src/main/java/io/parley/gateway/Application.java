package io.parley.gateway;

import io.micronaut.runtime.Micronaut;
import io.parley.gateway.drain.DrainOnSignal;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The gateway: browser WebSockets, the HTTP API (BFF) and the web client. The API's OpenAPI
 * document is generated from the controllers at build time and served at
 * {@code /openapi/parley.yml}; errors are {@code {code, message}} as docs/protocol.md lists them.
 */
@OpenAPIDefinition(
        info = @Info(title = "Parley HTTP API", version = "1",
                description = "Accounts, profiles, friends and blocks, groups, conversations and "
                        + "history. Errors: {code, message} (ErrorBody) with the codes of "
                        + "docs/protocol.md. Every endpoint but register and login needs a "
                        + "bearer token."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        DrainOnSignal.install(Micronaut.build(args).mainClass(Application.class).banner(false)
                .start());
    }
}
