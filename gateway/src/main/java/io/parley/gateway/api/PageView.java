package io.parley.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Every paged list: {@code {"items": [...], "nextCursor": "..." | null}}. Pass {@code nextCursor}
 * back as {@code cursor} for the next page; null means this was the last.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageView<T>(List<T> items, @Nullable String nextCursor) {
    /** From protobuf, where the last page's cursor is empty. */
    public static <T> PageView<T> of(List<T> items, String nextCursor) {
        return new PageView<>(items, nextCursor.isEmpty() ? null : nextCursor);
    }
}
