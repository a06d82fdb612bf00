package io.parley.infra.e2e;

import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.frame.WelcomeFrame;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway given a certificate and key (made by infra/scripts/tls-cert.sh) serves HTTPS and WSS
 * only: the API, the gateway locator (which then names wss:// addresses) and a socket's login and
 * welcome work for a client that trusts the certificate; a client that does not, and plain HTTP
 * to the same port, get no answer.
 */
@ExtendWith(ClusterExtension.class)
class TlsIT {

    @Test
    void gatewayWithACertificateServesHttpsAndWss(Cluster cluster, @TempDir Path dir)
            throws Exception {
        Path root = Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();
        Process gen = new ProcessBuilder(root.resolve("infra/scripts/tls-cert.sh").toString(),
                dir.toString()).redirectErrorStream(true).start();
        assertTrue(gen.waitFor(30, TimeUnit.SECONDS), "tls-cert.sh finished");
        assertEquals(0, gen.exitValue(), new String(gen.getInputStream().readAllBytes()));
        SSLContext tls = trusting(dir.resolve("cert.pem"));

        ServiceProcess gateway = cluster.startGateway("gw-tls", Map.of(
                "micronaut.server.ssl.key-store.key-path", "file:" + dir.resolve("key.pem"),
                "micronaut.server.ssl.key-store.certificate-path",
                "file:" + dir.resolve("cert.pem")), tls);
        try {
            assertEquals("https", gateway.http().getScheme());
            ApiClient api = new ApiClient(gateway.http(), tls);
            ApiClient.Session alice = api.signUp(Users.randomPhone(), "Alice", Users.PASSWORD);
            ApiClient.Reply located = api.get("/api/gateway", alice.token());
            assertEquals(200, located.status(), located.toString());
            assertTrue(located.text("url").startsWith("wss://"), located.toString());

            List<ServerFrame> frames = new CopyOnWriteArrayList<>();
            try (ChatClient socket = ChatClient.connect(gateway.http(), alice.token(), "tls-1",
                    frames::add, tls)) {
                WelcomeFrame welcome = assertInstanceOf(WelcomeFrame.class, frames.get(0));
                assertEquals(alice.userId(), welcome.userId());
            }

            ApiClient untrusting = new ApiClient(gateway.http());
            assertThrows(UncheckedIOException.class, () -> untrusting.get("/health", null),
                    "a client that does not trust the certificate gets no answer");
            ApiClient plain = new ApiClient(URI.create("http://127.0.0.1:"
                    + gateway.http().getPort()));
            assertThrows(UncheckedIOException.class, () -> plain.get("/health", null),
                    "no plain HTTP on the TLS port");
        } finally {
            gateway.close();
        }
    }

    /** Trusts exactly the one certificate in {@code pem}. */
    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry("parley-local",
                    CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
