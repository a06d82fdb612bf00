/**
 * Live configuration: selected settings overridden at run time under
 * {@code <namespace>/config/<service>/<property>} in etcd, watched, validated, and applied
 * without a restart; a refused value is logged and the last good one kept.
 */
package io.parley.platform.config;
