/**
 * Typing indicators at the edge: a client's {@code typing} frame checked (the user is in the
 * conversation, under the per-user rate) and handed upstream; nothing here is stored.
 */
package io.parley.gateway.typing;
