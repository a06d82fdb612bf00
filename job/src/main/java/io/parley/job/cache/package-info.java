/**
 * Cache maintenance run by the job service, such as the delayed second delete.
 */
package io.parley.job.cache;
