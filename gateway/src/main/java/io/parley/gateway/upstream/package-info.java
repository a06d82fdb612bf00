/**
 * Upstream: a validated client send, wrapped in the one envelope and produced to Kafka for logic.
 */
package io.parley.gateway.upstream;
