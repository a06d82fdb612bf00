/**
 * Typing indicators: who may tell whom that they are typing (friends in a direct chat, members
 * of a small group), relayed straight to the push topics. Nothing is stored.
 */
package io.parley.logic.typing;
