/**
 * The rooms of this gateway: which of its sockets belong to which group, learnt at connect and
 * kept current by the membership changes on {@code <ns>.rooms}. Large groups' messages are written
 * from it, one record for all gateways instead of a presence look-up per member (issue #12).
 */
package io.parley.gateway.room;
