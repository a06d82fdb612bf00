/**
 * What every service does alike for metrics: the {@code service} tag on
 * every meter, so one Prometheus scrape config and one dashboard serve all four services.
 */
package io.parley.platform.metrics;
