/**
 * The simulated browser user: set-up of its account and friendships over the HTTP API (the fast
 * path), the Gatling chains that log in, connect, heartbeat, send, confirm and catch up as the web
 * client does, and the per-user state that feeds the ledger.
 */
package io.parley.loadlab.client;
