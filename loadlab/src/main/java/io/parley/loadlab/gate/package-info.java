/**
 * The CI performance gate's verdict on a gate run: strict on correctness (every scenario's
 * summary passed), tolerant on speed (figures compared with the committed baseline,
 * loadlab/gate-baseline.json, within wide factors), and the command that refreshes the baseline.
 */
package io.parley.loadlab.gate;
