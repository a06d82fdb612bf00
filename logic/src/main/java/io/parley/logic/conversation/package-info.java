/**
 * Conversations and their members, and the per-conversation seq counter that orders every
 * message. A direct conversation's id is derived from its two members.
 */
package io.parley.logic.conversation;
