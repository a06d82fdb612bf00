/**
 * A lock shared by every logic instance, held in Redis under a random token with a TTL. Callers
 * serialize the changes of one thing (a group's membership) across instances with it.
 */
package io.parley.logic.lock;
