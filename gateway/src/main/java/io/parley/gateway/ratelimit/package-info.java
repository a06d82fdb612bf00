/**
 * Per-user rate limiting of sends at the edge, before anything reaches Kafka.
 */
package io.parley.gateway.ratelimit;
