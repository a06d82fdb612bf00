package io.parley.infra.e2e;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for a Zipkin server's collector: takes {@code POST /api/v2/spans} (JSON v2, gzip or
 * not) on a free loopback port and keeps every span, as the services' exporter sends them.
 */
final class ZipkinCollector implements AutoCloseable {
    private static final Argument<List<Map<String, Object>>> SPANS =
            Argument.listOf(Argument.mapOf(String.class, Object.class));
    private final HttpServer server;
    private final List<Map<String, Object>> spans = new CopyOnWriteArrayList<>();

    ZipkinCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v2/spans", exchange -> {
            try (InputStream raw = exchange.getRequestBody()) {
                boolean gzip = "gzip".equalsIgnoreCase(
                        exchange.getRequestHeaders().getFirst("Content-Encoding"));
                byte[] body = (gzip ? new GZIPInputStream(raw) : raw).readAllBytes();
                spans.addAll(ObjectMapper.getDefault().readValue(body, SPANS));
                exchange.sendResponseHeaders(202, -1);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans";
    }

    List<Map<String, Object>> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
