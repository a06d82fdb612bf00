package io.parley.infra.e2e;

import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Images and the jump button in real Chromium against the real system (issue #14): an image sent
 * from gateway 1 shows as a thumbnail on gateway 2 and opens full size, and survives a reload;
 * "Jump to first unread" loads up to the divider and "↓ N new messages" returns to the end
 * (web-client/e2e/images.e2e.mjs).
 */
@ExtendWith(ClusterExtension.class)
class ImagesBrowserIT {

    @Test
    void imageShowsOnTheOtherGatewayAndJumpButtonsReachTheUnreadAndTheEnd(Cluster cluster)
            throws Exception {
        BrowserIT.play("images", cluster);
    }
}
