/**
 * One trace per message across sockets, Kafka and gRPC: the OpenTelemetry SDK, exported to a
 * Zipkin-compatible server when one is configured, and the W3C trace context carried by hand in
 * the envelope's {@code trace} map and in gRPC metadata (no Kafka/gRPC instrumentation resolves).
 */
package io.parley.platform.tracing;
