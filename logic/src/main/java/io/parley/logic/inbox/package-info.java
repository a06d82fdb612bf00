/**
 * The per-user inbox of write diffusion: each message of a direct conversation or a small group
 * gets one row per member, numbered by that member's gapless inbox seq. A reconnecting device
 * syncs "everything after inbox seq N" plus the seqs and cursors of its large groups.
 */
package io.parley.logic.inbox;
