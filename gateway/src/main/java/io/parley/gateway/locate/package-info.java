/**
 * Where a browser should open its socket: the live gateways from the etcd registry, least loaded
 * first, behind {@code GET /api/gateway}. This gateway publishes its own load (open sockets) there.
 */
package io.parley.gateway.locate;
