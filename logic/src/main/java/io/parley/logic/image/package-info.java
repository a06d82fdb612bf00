/**
 * Uploaded images' records: each image once by its content hash, who uploaded it and the
 * conversations it was sent in, which decide who may read it. The bytes are not here: the
 * gateways keep them in their blob store.
 */
package io.parley.logic.image;
