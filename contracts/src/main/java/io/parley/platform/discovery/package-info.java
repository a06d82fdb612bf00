/**
 * Service registry and discovery on etcd: each instance registers under a kept-alive lease, and
 * gRPC clients resolve services from a watched prefix and balance across the instances found.
 */
package io.parley.platform.discovery;
