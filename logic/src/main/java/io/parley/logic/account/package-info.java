/**
 * Accounts: registration with a bcrypt-hashed password, credential checks for login, and profile
 * look-ups by id or phone. Tokens are the gateway's business; this package only vouches for users.
 */
package io.parley.logic.account;
