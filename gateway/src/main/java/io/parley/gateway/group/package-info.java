/**
 * The groups HTTP API of the BFF: create, edit, list and dissolve groups, members, applications,
 * invitations and roles, each forwarded to logic's GroupService for the signed-in user. Failures
 * come back as the error codes logic chose and are written by {@code api/HttpErrors}.
 */
package io.parley.gateway.group;
