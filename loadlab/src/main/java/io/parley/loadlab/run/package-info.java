/**
 * A run's machine-readable summary ({@code summary.json} in the run's folder, next to Gatling's
 * HTML report): parameters, the ledger's report, scenario figures and the verdict.
 */
package io.parley.loadlab.run;
