package io.parley.logic.page;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and where the next one starts.
 *
 * @param nextCursor null on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page from rows fetched with one more than {@code size} asked for: the extra row only
     * proves that a next page exists, and the cursor points after the last row kept.
     */
    public static <T> Page<T> of(List<T> rows, int size, Function<T, String> cursorAfter) {
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<T> kept = rows.subList(0, size);
        return new Page<>(kept, cursorAfter.apply(kept.get(size - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
