package io.parley.logic.account;

import io.micronaut.core.annotation.Nullable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An edit of one's profile. A null field stays as it is; an empty avatar URL or bio clears it
 * (stored as NULL). The avatar and bio limits are the column sizes, hence fixed; the display name
 * limit is configured and checked by {@link ProfileService}.
 */
public record ProfileChange(@Nullable String displayName, @Nullable String avatarUrl,
                            @Nullable String bio) {
    public static final int MAX_AVATAR_URL = 512;
    public static final int MAX_BIO = 280;

    public ProfileChange {
        displayName = displayName == null ? null : displayName.strip();
        avatarUrl = avatarUrl == null ? null : avatarUrl.strip();
        bio = bio == null ? null : bio.strip();
        if (avatarUrl != null && !avatarUrl.isEmpty()) {
            requireWebUrl(avatarUrl);
        }
        if (bio != null && bio.codePointCount(0, bio.length()) > MAX_BIO) {
            throw invalid("bio is at most " + MAX_BIO + " characters");
        }
    }

    boolean isEmpty() {
        return displayName == null && avatarUrl == null && bio == null;
    }

    /** The value to store: null (clear) for an empty string. */
    static @Nullable String orNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void requireWebUrl(String url) {
        if (url.length() > MAX_AVATAR_URL) {
            throw invalid("avatarUrl is at most " + MAX_AVATAR_URL + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http")
                    || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw invalid("avatarUrl must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw invalid("avatarUrl must be an http or https URL");
        }
    }

    private static ParleyException invalid(String message) {
        return new ParleyException(ErrorCode.VALIDATION_FAILED, message);
    }
}
