/**
 * Live presence for friends: turns session's online/offline transitions into presence frames
 * for the user's friends.
 */
package io.parley.logic.presence;
