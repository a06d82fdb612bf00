/**
 * Downstream: this gateway's push topic, consumed and written to the sockets each record names.
 */
package io.parley.gateway.push;
