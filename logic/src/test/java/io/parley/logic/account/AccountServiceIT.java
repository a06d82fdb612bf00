package io.parley.logic.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration and login on the real MariaDB: every refusal has its code and stores nothing. */
@MicronautTest(transactional = false)
class AccountServiceIT {
    @Inject
    AccountService accounts;
    @Inject
    UserRepository users;

    @Test
    void refusesInvalidRegistrationsWith1001AndStoresNoAccount() {
        String phone = TestUsers.randomPhone();
        assertRefused(ErrorCode.VALIDATION_FAILED,
                () -> accounts.register("12ab", "Ann", "password-1"));
        assertRefused(ErrorCode.VALIDATION_FAILED,
                () -> accounts.register(phone, " ", "password-1"));
        assertRefused(ErrorCode.VALIDATION_FAILED,
                () -> accounts.register(phone, "x".repeat(65), "password-1"));
        assertRefused(ErrorCode.VALIDATION_FAILED,
                () -> accounts.register(phone, "Ann", "short"));
        assertRefused(ErrorCode.PASSWORD_TOO_LONG,
                () -> accounts.register(phone, "Ann", "p".repeat(73)));
        assertRefused(ErrorCode.PASSWORD_TOO_LONG,
                () -> accounts.register(phone, "Ann", "\u00e9".repeat(37)));
        assertTrue(users.findByPhone(phone).isEmpty());
        assertTrue(users.findByPhone("12ab").isEmpty());
    }

    @Test
    void refusesADuplicatePhoneWith3001AndKeepsTheFirstAccount() {
        User first = accounts.register(TestUsers.randomPhone(), "Ann", "password-1");
        assertRefused(ErrorCode.PHONE_TAKEN,
                () -> accounts.register(first.phone(), "Impostor", "password-2"));
        assertEquals(first, users.findByPhone(first.phone()).orElseThrow());
        assertEquals(first.id(), accounts.login(first.phone(), "password-1").id());
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownPhoneAlikeWith2002() {
        User ann = accounts.register(TestUsers.randomPhone(), "Ann", "password-1");
        ParleyException wrong = assertRefused(ErrorCode.BAD_CREDENTIALS,
                () -> accounts.login(ann.phone(), "password-2"));
        ParleyException unknown = assertRefused(ErrorCode.BAD_CREDENTIALS,
                () -> accounts.login(TestUsers.randomPhone(), "password-1"));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(ann, users.findById(ann.id()).orElseThrow());
    }

    @Test
    void refusesALoginWithAPasswordOver72BytesThatBcryptWouldCutToTheStoredOne() {
        String password = "p".repeat(72);
        User ann = accounts.register(TestUsers.randomPhone(), "Ann", password);
        assertEquals(ann.id(), accounts.login(ann.phone(), password).id());
        assertRefused(ErrorCode.PASSWORD_TOO_LONG,
                () -> accounts.login(ann.phone(), password + "anything"));
    }

    @Test
    void aPhoneWithControlCharactersMatchesNoStoredPhoneAndIsRefusedWith1001() {
        User ann = accounts.register(TestUsers.randomPhone(), "Ann", "password-1");
        for (String phone : new String[] {ann.phone() + "\t", ann.phone() + "\u0000",
                ann.phone() + " ", "\n" + ann.phone(), ann.phone() + "\r\n"}) {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> accounts.login(phone, "password-1"));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> accounts.findByPhone(phone));
            assertRefused(ErrorCode.VALIDATION_FAILED,
                    () -> accounts.register(phone, "Twin", "password-1"));
        }
    }

    private static ParleyException assertRefused(ErrorCode code, Executable call) {
        ParleyException e = assertThrows(ParleyException.class, call);
        assertEquals(code, e.error(), e::getMessage);
        return e;
    }
}
