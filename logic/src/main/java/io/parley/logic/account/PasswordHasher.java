package io.parley.logic.account;

import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt, with the cost from {@link AccountLimits}. */
@Singleton
final class PasswordHasher {
    private final int cost;
    // Checked against when the phone is unknown, so a wrong phone takes as long as a wrong
    // password and login timing does not reveal who is registered.
    private final String decoy;

    PasswordHasher(AccountLimits limits) {
        this.cost = limits.bcryptCost();
        this.decoy = BCrypt.hashpw("decoy-password", BCrypt.gensalt(cost));
    }

    String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    boolean matches(String password, String hash) {
        return BCrypt.checkpw(password, hash);
    }

    void burnDecoy(String password) {
        BCrypt.checkpw(password, decoy);
    }
}
