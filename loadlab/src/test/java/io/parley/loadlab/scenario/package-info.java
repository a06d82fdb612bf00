/**
 * The scenarios of issue #11, one Gatling simulation each, run by
 * {@code loadlab/scripts/run.sh <scenario> [-Dparam=value ...]}; each reads its parameters with
 * defaults that fit a 2-core machine and leaves summary.json and Gatling's report in its run folder.
 */
package io.parley.loadlab.scenario;
