package io.parley.logic.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.page.Page;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search on the real MariaDB: exact phone, and name prefix paged by keyset. */
@MicronautTest(transactional = false)
class UserSearchIT {
    @Inject
    UserSearch search;
    @Inject
    TestUsers users;

    @Test
    void findsExactlyThePhoneAndNothingForAnUnknownOne() {
        User ann = users.create("Ann");
        Page<Profile> found = search.search(ann.phone(), null, 0, null);
        assertEquals(List.of(ann.id()), found.items().stream().map(Profile::userId).toList());
        assertNull(found.nextCursor());
        assertTrue(search.search(TestUsers.randomPhone(), null, 0, null).items().isEmpty());
    }

    @Test
    void pagesThroughEveryNameWithThePrefixOnceInNameOrderCaseInsensitively() {
        String tag = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        List<Long> ids = new ArrayList<>();
        for (String suffix : List.of(" b", " a", " c", " a", " B")) {
            ids.add(users.createId(tag + suffix));
        }
        users.createId("x" + tag);

        List<Profile> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Profile> page = search.search(null, tag.toLowerCase(), 2, cursor);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100); // bounded: a cursor that never ends fails

        assertEquals(3, pages);
        assertEquals(List.of(ids.get(1), ids.get(3), ids.get(0), ids.get(4), ids.get(2)),
                seen.stream().map(Profile::userId).toList(), "(name, id) order, no repeats");
    }

    @Test
    void treatsLikeWildcardsInThePrefixAsPlainCharacters() {
        String tag = "Zw" + UUID.randomUUID().toString().substring(0, 6);
        long literal = users.createId(tag + "%x");
        users.createId(tag + "yx");
        List<Long> found = search.search(null, tag + "%", 10, null).items().stream()
                .map(Profile::userId).toList();
        assertEquals(List.of(literal), found);
    }

    @Test
    void refusesMalformedSearchesAndOversizedPages() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> search.search("12ab", null, 0, null));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> search.search(null, null, 0, null));
        assertRefused(ErrorCode.VALIDATION_FAILED,
                () -> search.search("+15550001", "Ann", 0, null));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> search.search(null, "Ann", 0, "zz!"));
        assertRefused(ErrorCode.PAGE_TOO_LARGE, () -> search.search(null, "Ann", 51, null));
    }

    private static void assertRefused(ErrorCode code, Executable call) {
        assertEquals(code, assertThrows(ParleyException.class, call).error());
    }
}
