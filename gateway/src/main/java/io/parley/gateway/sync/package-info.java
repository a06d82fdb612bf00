/**
 * The one catch-up call of a reconnecting device: its inbox after an inbox seq (direct
 * conversations and small groups) and the seqs and cursors of its large groups.
 */
package io.parley.gateway.sync;
