/**
 * Cache-aside support shared by the features that cache in Redis: key naming, lifetimes, and the
 * delayed second delete scheduled through the job service. Each feature owns what it caches.
 */
package io.parley.logic.cache;
