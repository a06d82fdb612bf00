/**
 * Delivery: find where the members of a conversation are connected (session) and produce the
 * push records for exactly those gateways, plus the sender's ack or refusal.
 */
package io.parley.logic.delivery;
