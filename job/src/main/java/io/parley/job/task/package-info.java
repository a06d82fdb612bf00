/**
 * The task topic: consumed in order, each task run when due and dispatched on its kind.
 */
package io.parley.job.task;
