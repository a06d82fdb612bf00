/**
 * The WebSocket frame schema: what a browser sends, what the server answers, and the codec
 * between them and JSON text. docs/protocol.md shows each frame with an example.
 */
package io.parley.contracts.frame;
