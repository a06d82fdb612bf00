package io.parley.logic.page;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageLimitsTest {
    private final PageLimits limits = new PageLimits(20, 50);

    @Test
    void noLimitMeansTheDefaultAndAnyUpToTheMaximumIsKept() {
        assertEquals(20, limits.size(0));
        assertEquals(1, limits.size(1));
        assertEquals(50, limits.size(50));
    }

    @Test
    void refusesAPageOverTheMaximumWith1007AndANegativeOneWith1001() {
        assertEquals(ErrorCode.PAGE_TOO_LARGE,
                assertThrows(ParleyException.class, () -> limits.size(51)).error());
        assertEquals(ErrorCode.VALIDATION_FAILED,
                assertThrows(ParleyException.class, () -> limits.size(-1)).error());
    }

    @Test
    void aDefaultAboveTheMaximumIsCappedAtTheMaximum() {
        assertEquals(10, new PageLimits(20, 10).size(0));
    }
}
