/**
 * Images (issue #14): uploads checked (size, type by magic bytes, dimensions before decoding),
 * de-duplicated by content hash, thumbnailed, kept in a {@link io.parley.gateway.image.BlobStore}
 * and served only to whom logic says may read them.
 */
package io.parley.gateway.image;
