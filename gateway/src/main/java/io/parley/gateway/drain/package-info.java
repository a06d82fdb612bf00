/**
 * Graceful drain of this gateway: on SIGTERM or SIGINT it leaves etcd, refuses new sockets, tells every client where to reconnect and closes the rest
 * after a grace period, while pushes and acks still reach the sockets it holds.
 */
package io.parley.gateway.drain;
