package io.parley.gateway.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document generated from the controllers is served without a token. */
@MicronautTest
class OpenApiDocumentIT {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void servesTheGeneratedDocumentNamingEveryEndpointFamily() {
        String yaml = http.toBlocking().retrieve(HttpRequest.GET("/openapi/parley.yml"));
        for (String path : new String[] {"/api/auth/logout:", "/api/me:", "/api/users/search:",
                "/api/friends/requests/{id}/accept:", "/api/friends:", "/api/blocks:",
                "/api/sync:", "/api/conversations/{id}/mute:",
                "/api/conversations/{id}/messages/{messageId}/recall:", "bearerFormat: JWT"}) {
            assertTrue(yaml.contains(path), path + " missing from the document");
        }
    }
}
