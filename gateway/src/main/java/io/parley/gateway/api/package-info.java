/**
 * The HTTP API of the BFF beyond authentication, and the single mapping of every failure to an
 * HTTP status with a {@code {code, message}} body.
 */
package io.parley.gateway.api;
