/**
 * Paging rules shared by every list endpoint of logic: the default and the largest page size.
 * A request over the maximum is refused (1007) rather than silently cut, so clients notice.
 */
package io.parley.logic.page;
