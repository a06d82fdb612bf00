/**
 * The WebSocket edge: the socket endpoint (token check, frame decoding, pings), the registry of
 * open sockets, the checks on a send, and the sweep that closes silent sockets.
 */
package io.parley.gateway.ws;
