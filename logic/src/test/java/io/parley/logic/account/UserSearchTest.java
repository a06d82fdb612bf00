package io.parley.logic.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserSearchTest {

    @Test
    void escapesLikeWildcardsSoANamePrefixMatchesOnlyItself() {
        assertEquals("50\\%\\_off\\\\%", UserSearch.likePrefix("50%_off\\"));
    }
}
