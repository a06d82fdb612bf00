package io.parley.logic.account;

import io.micronaut.data.exceptions.DataAccessException;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registration, credential checks and look-ups by phone; profiles are {@link ProfileService}. */
@Singleton
public final class AccountService {
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccountLimits limits;
    private final Clock clock;

    AccountService(UserRepository users, PasswordHasher hasher, AccountLimits limits, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.limits = limits;
        this.clock = clock;
    }

    public User register(String phone, String displayName, String password) {
        requirePhone(phone);
        String name = limits.displayName(displayName);
        int passwordBytes = requireHashable(password);
        if (passwordBytes < limits.minPasswordLength()) {
            throw invalid("password must be " + limits.minPasswordLength() + "-"
                    + limits.maxPasswordLength() + " bytes");
        }
        try {
            return users.save(new User(null, phone, name, null, null, hasher.hash(password),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        } catch (DataAccessException e) {
            if (isDuplicateKey(e)) {
                throw new ParleyException(ErrorCode.PHONE_TAKEN);
            }
            throw e;
        }
    }

    /**
     * The phone must be well formed (1001), so a variant with control characters or spaces never
     * matches a stored phone through the collation; a password over the bcrypt limit is refused
     * (1015) as at registration, since bcrypt would ignore its tail.
     */
    public User login(String phone, String password) {
        requirePhone(phone);
        requireHashable(password);
        Optional<User> user = users.findByPhone(phone);
        String given = password == null ? "" : password;
        if (user.isEmpty()) {
            hasher.burnDecoy(given);
            throw new ParleyException(ErrorCode.BAD_CREDENTIALS);
        }
        if (!hasher.matches(given, user.get().passwordHash())) {
            throw new ParleyException(ErrorCode.BAD_CREDENTIALS);
        }
        return user.get();
    }

    public User findByPhone(String phone) {
        requirePhone(phone);
        return users.findByPhone(phone).orElseThrow(() -> new ParleyException(
                ErrorCode.USER_NOT_FOUND));
    }

    public boolean exists(long userId) {
        return users.existsById(userId);
    }

    /** The UTF-8 length of a password bcrypt reads whole; 1015 for a longer one. */
    private int requireHashable(String password) {
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxPasswordLength()) {
            throw new ParleyException(ErrorCode.PASSWORD_TOO_LONG, "password must be at most "
                    + limits.maxPasswordLength() + " bytes (UTF-8)");
        }
        return bytes;
    }

    static void requirePhone(String phone) {
        if (phone == null || !PHONE.matcher(phone).matches()) {
            throw invalid("phone must be 6-15 digits, optionally led by +");
        }
    }

    private static ParleyException invalid(String message) {
        return new ParleyException(ErrorCode.VALIDATION_FAILED, message);
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
