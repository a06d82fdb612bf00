package io.parley.logic.account;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.page.Cursor;
import io.parley.logic.page.Page;
import io.parley.logic.page.PageLimits;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Finding people: by exact phone (at most one) or by the start of their display name, paged by
 * (name, id) so that equal names page correctly. Matching follows the column's collation:
 * case-insensitive.
 */
@Singleton
public final class UserSearch {
    private final UserRepository users;
    private final AccountLimits limits;
    private final PageLimits pages;

    UserSearch(UserRepository users, AccountLimits limits, PageLimits pages) {
        this.users = users;
        this.limits = limits;
        this.pages = pages;
    }

    public Page<Profile> byPhone(String phone) {
        AccountService.requirePhone(phone);
        return new Page<>(users.findByPhone(phone).map(Profile::of).stream().toList(), null);
    }

    public Page<Profile> byNamePrefix(String prefix, int limit, String cursor) {
        String start = limits.displayName(prefix);
        int size = pages.size(limit);
        Cursor after = Cursor.parse(cursor, Cursor.START);
        List<User> rows = users.findByNamePrefix(likePrefix(start), after.text(), after.id(),
                size + 1);
        return Page.of(rows, size, u -> Cursor.after(u.displayName(), u.id()).encode())
                .map(Profile::of);
    }

    /** Exactly one of phone and name; anything else is a malformed search. */
    public Page<Profile> search(String phone, String namePrefix, int limit, String cursor) {
        boolean byPhone = phone != null && !phone.isEmpty();
        boolean byName = namePrefix != null && !namePrefix.isEmpty();
        if (byPhone == byName) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "search by exactly one of phone and name");
        }
        return byPhone ? byPhone(phone) : byNamePrefix(namePrefix, limit, cursor);
    }

    /** LIKE's wildcards in a name are literal characters. */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
