/**
 * Message ids: the one Snowflake generator and the etcd lease that gives each logic instance its
 * own worker id.
 */
package io.parley.logic.ids;
