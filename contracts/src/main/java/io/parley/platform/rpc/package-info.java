/**
 * gRPC hosting and calling: the server that serves a service's endpoints, the mapping of the error
 * model onto gRPC status, and the resilience (deadline, retry, breaker, bulkhead) around calls.
 */
package io.parley.platform.rpc;
