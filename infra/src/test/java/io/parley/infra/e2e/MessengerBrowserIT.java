package io.parley.infra.e2e;

import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The messenger features of the web client in real Chromium against the real system (issue
 * #14): safe links, day separators, typing indicators, presence in the chat header, the unread
 * divider, invite links, and WCAG AA contrast of the rendered text in the light and the dark
 * scheme, at 1280x800 and 390x844 (web-client/e2e/messenger.e2e.mjs).
 */
@ExtendWith(ClusterExtension.class)
class MessengerBrowserIT {

    @Test
    void linksTypingUnreadDividerInviteLinksAndContrastInBothSchemes(Cluster cluster)
            throws Exception {
        BrowserIT.play("messenger", cluster);
    }
}
