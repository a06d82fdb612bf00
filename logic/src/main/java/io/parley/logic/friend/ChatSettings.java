package io.parley.logic.friend;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param directRequiresFriendship when true, a direct message needs the two to be friends;
 *                                 blocks refuse messages either way
 */
@ConfigurationProperties("im.logic.chat")
public record ChatSettings(@Bindable(defaultValue = "true") boolean directRequiresFriendship) {
}
