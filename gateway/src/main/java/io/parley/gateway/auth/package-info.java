/**
 * Authentication at the edge: register and login endpoints that forward to logic, and the access
 * token (JWT) they hand out and the WebSocket checks on connect.
 */
package io.parley.gateway.auth;
