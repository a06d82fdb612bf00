package io.parley.logic.page;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after the last row of a page: the sort key of that row (an id, or a name and an
 * id), base64url-encoded so clients treat it as opaque and never build one by hand.
 */
public record Cursor(String text, long id) {
    private static final char SEPARATOR = '\n';

    /** Before the first row of an ascending list. */
    public static final Cursor START = new Cursor("", 0);

    public Cursor {
        if (text.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("cursor text must not contain a line break");
        }
    }

    public static Cursor after(long id) {
        return new Cursor("", id);
    }

    public static Cursor after(String text, long id) {
        return new Cursor(text, id);
    }

    /** The cursor a client sent back; {@code fallback} for none. */
    public static Cursor parse(String encoded, Cursor fallback) {
        if (encoded == null || encoded.isEmpty()) {
            return fallback;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int split = raw.lastIndexOf(SEPARATOR);
            return new Cursor(raw.substring(0, split), Long.parseLong(raw.substring(split + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "cursor is not one we issued");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((text + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }
}
