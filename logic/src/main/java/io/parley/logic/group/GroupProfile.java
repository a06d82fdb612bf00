package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What owners and admins may edit. The lengths are those of the columns: name 1-64 characters,
 * notice up to 1000, avatar URL up to 512 and http(s). Avatar and notice are empty when unset.
 */
public record GroupProfile(String name, String avatarUrl, String notice, JoinPolicy joinPolicy) {
    public static final int MAX_NAME = 64;
    public static final int MAX_NOTICE = 1000;
    public static final int MAX_AVATAR_URL = 512;

    public GroupProfile {
        name = name == null ? "" : name.strip();
        avatarUrl = avatarUrl == null ? "" : avatarUrl.strip();
        notice = notice == null ? "" : notice;
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME) {
            throw invalid("name must be 1-" + MAX_NAME + " characters");
        }
        if (notice.codePointCount(0, notice.length()) > MAX_NOTICE) {
            throw invalid("notice is at most " + MAX_NOTICE + " characters");
        }
        if (!avatarUrl.isEmpty() && !isWebUrl(avatarUrl)) {
            throw invalid("avatarUrl must be an http(s) URL of at most " + MAX_AVATAR_URL
                    + " characters");
        }
        if (joinPolicy == null) {
            throw invalid("joinPolicy must be open, approval or invite");
        }
    }

    private static boolean isWebUrl(String url) {
        if (url.length() > MAX_AVATAR_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ParleyException invalid(String message) {
        return new ParleyException(ErrorCode.VALIDATION_FAILED, message);
    }
}
