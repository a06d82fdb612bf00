/**
 * The trend across runs: appends run summaries to loadlab/history.csv and redraws the trend plot
 * (a PNG drawn with Java2D, no plotting library) that docs/performance.md shows.
 */
package io.parley.loadlab.history;
