/**
 * The social graph: friend requests, friendships (stored both ways) and blocks, the lists of them,
 * and the rule of who may send a direct message to whom. Writes that involve two users run under
 * both users' row locks, so crossing requests resolve to one friendship.
 */
package io.parley.logic.friend;
