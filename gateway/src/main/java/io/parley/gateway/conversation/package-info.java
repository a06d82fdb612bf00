/**
 * The conversation endpoints of the BFF: list with unread counts, history, read cursors. Each
 * forwards to logic's conversation service, which checks membership.
 */
package io.parley.gateway.conversation;
