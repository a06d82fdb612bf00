package io.parley.logic.page;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void roundTripsANameWithAnyCharactersAndAnId() {
        Cursor c = Cursor.after("Zoë: the 2nd", 42);
        assertEquals(c, Cursor.parse(c.encode(), Cursor.START));
        assertEquals(Cursor.after(7), Cursor.parse(Cursor.after(7).encode(), Cursor.START));
    }

    @Test
    void noCursorMeansTheFallback() {
        assertEquals(Cursor.START, Cursor.parse("", Cursor.START));
        assertEquals(Cursor.START, Cursor.parse(null, Cursor.START));
    }

    @Test
    void refusesCursorsItDidNotIssueWith1001() {
        for (String bad : List.of("!!!", "bm8tc2VwYXJhdG9y", "YQp4")) {
            ParleyException e = assertThrows(ParleyException.class,
                    () -> Cursor.parse(bad, Cursor.START), bad);
            assertEquals(ErrorCode.VALIDATION_FAILED, e.error());
        }
    }

    @Test
    void aPageOfOneRowMoreThanAskedHasACursorAfterItsLastKeptRow() {
        Page<Long> page = Page.of(List.of(1L, 2L, 3L), 2, id -> Cursor.after(id).encode());
        assertEquals(List.of(1L, 2L), page.items());
        assertEquals(2L, Cursor.parse(page.nextCursor(), Cursor.START).id());
        Page<Long> last = Page.of(List.of(1L, 2L), 2, id -> Cursor.after(id).encode());
        assertNull(last.nextCursor());
    }
}
