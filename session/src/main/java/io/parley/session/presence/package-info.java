/**
 * Presence: which user is connected on which gateway, connection and device. Gateways report
 * connects, disconnects and heartbeats; logic asks where to push. State lives only in Redis.
 */
package io.parley.session.presence;
