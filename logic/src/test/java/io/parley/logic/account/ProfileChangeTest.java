package io.parley.logic.account;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileChangeTest {

    @Test
    void acceptsHttpAndHttpsAvatarsAndAnEmptyValueThatClears() {
        assertEquals("https://cdn.example/a.png",
                new ProfileChange(null, " https://cdn.example/a.png ", null).avatarUrl());
        new ProfileChange(null, "http://example.org/x?y=1", null);
        ProfileChange clear = new ProfileChange(null, "", "");
        assertNull(ProfileChange.orNull(clear.avatarUrl()));
        assertNull(ProfileChange.orNull(clear.bio()));
    }

    @Test
    void refusesOtherSchemesMalformedAndOverlongUrlsWith1001() {
        String longUrl = "https://example.org/" + "a".repeat(ProfileChange.MAX_AVATAR_URL);
        for (String bad : List.of("javascript:alert(1)", "ftp://example.org/a.png", "not a url",
                "https://", "/relative.png", longUrl)) {
            ParleyException e = assertThrows(ParleyException.class,
                    () -> new ProfileChange(null, bad, null), bad);
            assertEquals(ErrorCode.VALIDATION_FAILED, e.error());
        }
    }

    @Test
    void countsBioLengthInCharactersNotBytes() {
        new ProfileChange(null, null, "ü".repeat(ProfileChange.MAX_BIO));
        assertThrows(ParleyException.class,
                () -> new ProfileChange(null, null, "x".repeat(ProfileChange.MAX_BIO + 1)));
    }

    @Test
    void anEditWithNoFieldIsEmpty() {
        assertTrue(new ProfileChange(null, null, null).isEmpty());
    }
}
