package io.parley.infra.e2e;

import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web client's state across reloads and tabs in real Chromium against the real system
 * (issue #14): read receipts after a reload, the access token renewed with the refresh token,
 * a logout in one tab reaching the other. Its own class so it runs alone.
 */
@ExtendWith(ClusterExtension.class)
class SessionBrowserIT {

    @Test
    void receiptsSurviveAReloadAndTheSessionRenewsItself(Cluster cluster) throws Exception {
        BrowserIT.play("session", cluster);
    }
}
