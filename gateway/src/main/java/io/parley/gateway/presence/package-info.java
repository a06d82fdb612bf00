/**
 * The gateway's side of presence: reports sockets opened, closed and still alive to the session
 * service, which owns the state.
 */
package io.parley.gateway.presence;
