package io.parley.infra.e2e;

import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/**
 * The web client's state across reloads and tabs in real Chromium against the real system
 * (issue #14): read receipts after a reload, the access token renewed with the refresh token,
 * a logout in one tab reaching the other; drafts per conversation, "Read by N" in a group, the
 * outbox across tabs and refused sends with "Retry all" (web-client/e2e/composer.e2e.mjs). Its
 * own class so it runs alone.
 */
@ExtendWith(ClusterExtension.class)
class SessionBrowserIT {

    @Test
    void receiptsSurviveAReloadAndTheSessionRenewsItself(Cluster cluster) throws Exception {
        BrowserIT.play("session", cluster);
    }

    @Test
    void draftsOutboxRefusedSendsAndGroupReceipts(Cluster cluster) throws Exception {
        // A burst of 6 and 2 a second (the script's STRICT_RATE), one token leased at a time, so
        // that ten sends at once are partly refused and the refused ones pass seconds later.
        try (ServiceProcess strict = cluster.startGateway("gateway-strict", Map.of(
                "im.gateway.rate.sends-per-second", "2",
                "im.gateway.rate.burst", "6",
                "im.gateway.rate.lease-size", "1"))) {
            BrowserIT.play("composer", cluster, Map.of("BASE_URL_STRICT", strict.http().toString()));
        }
    }
}
