/**
 * A member's controls over a conversation: mute it, recall an own message within the recall
 * window. Forwards to logic, which checks membership, sender and window.
 */
package io.parley.gateway.controls;
