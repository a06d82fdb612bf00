/**
 * The social graph over HTTP: friend requests, the friend list with online status, and blocks,
 * each forwarded to logic's FriendService on behalf of the signed-in user.
 */
package io.parley.gateway.friend;
