/**
 * Mentions in group messages: {@code @<userId>} names one member, {@code @all} (owner or admin
 * only) every member. Recorded with the message, counted after each member's read cursor.
 */
package io.parley.logic.mention;
