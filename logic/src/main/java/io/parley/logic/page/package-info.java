/**
 * Keyset paging shared by every list logic serves: the page-size rule (default and maximum) and
 * the opaque cursor that names where the next page starts. No offsets, so a page costs the same
 * however deep it is.
 */
package io.parley.logic.page;
