/**
 * Cache-aside invalidation for every Redis cache of logic: delete the keys once the change is in
 * MySQL, and again a moment later through the job service to remove what a racing reader put back.
 */
package io.parley.logic.cache;
