/**
 * Groups: their profile, members and roles, join policies and applications, and the cached member
 * list that group chat fans out to. Every membership change of a group runs under that group's
 * distributed lock, in one transaction, and then evicts the cached list.
 */
package io.parley.logic.group;
