package io.parley.contracts.ids;

import java.util.regex.Pattern;

/**
 * An image's id is the SHA-256 of its bytes, as 64 lowercase hex digits (issue #14): the same
 * file uploaded twice, by anyone, has one id, one stored copy and one URL.
 */
public final class ImageIds {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    private ImageIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Where a gateway serves the image, relative to the gateway. */
    public static String url(String id) {
        return "/api/images/" + id;
    }

    /** Where a gateway serves the image's thumbnail. */
    public static String thumbUrl(String id) {
        return url(id) + "/thumb";
    }
}
