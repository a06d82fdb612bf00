package io.parley.gateway.room;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * @param lookupThreads threads that ask logic for a connecting socket's groups (blocking gRPC
 *                      calls with the logic deadline; a connect waits for its answer before
 *                      {@code welcome})
 */
@ConfigurationProperties("im.gateway.rooms")
public record RoomSettings(@Bindable(defaultValue = "4") @Positive int lookupThreads) {
}
