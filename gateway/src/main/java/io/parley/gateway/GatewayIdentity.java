package io.parley.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * @param id this gateway's id: names its push topic {@code im.push.<id>} and its presence
 *           entries, so it must be unique among live gateways and stable across restarts
 */
@ConfigurationProperties("im.gateway")
public record GatewayIdentity(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,40}") String id) {
}
