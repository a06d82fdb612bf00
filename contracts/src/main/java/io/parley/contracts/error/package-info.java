/**
 * The error model shared by every service and transport. One enum of stable codes and one
 * exception type that carries one of them.
 */
package io.parley.contracts.error;
