/**
 * Identifiers that every service derives the same way. Conversation ids double as Kafka keys.
 */
package io.parley.contracts.ids;
