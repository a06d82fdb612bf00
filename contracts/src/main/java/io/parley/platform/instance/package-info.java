/**
 * The identity of a running service instance and the clock it keeps. Every service has exactly
 * one of each; registry entries, logs and /info all name the instance the same way.
 */
package io.parley.platform.instance;
