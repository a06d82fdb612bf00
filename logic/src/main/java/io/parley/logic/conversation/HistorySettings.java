package io.parley.logic.conversation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param historyFromJoin a member who joins a group sees its messages from the join on (history,
 *                        sync, unread); off: the whole history. Decided at each join: changing it
 *                        leaves earlier members as they joined.
 */
@ConfigurationProperties("im.logic.group")
public record HistorySettings(@Bindable(defaultValue = "true") boolean historyFromJoin) {
}
