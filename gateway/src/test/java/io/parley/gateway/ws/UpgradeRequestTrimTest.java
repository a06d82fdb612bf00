package io.parley.gateway.ws;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.netty.body.AvailableNettyByteBody;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpgradeRequestTrimTest {
    @Test
    void emptiesTheHeadersAndAttributesOfMicronautsUpgradeRequest() {
        EmbeddedChannel ch = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        ChannelHandlerContext ctx = ch.pipeline().firstContext();
        DefaultHttpRequest upgrade = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/ws?token=abc.def.ghi&device=web");
        upgrade.headers().set("Upgrade", "websocket").set("Connection", "Upgrade")
                .set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").set("User-Agent", "x");
        NettyHttpRequest<?> request = new NettyHttpRequest<>(upgrade, AvailableNettyByteBody.empty(),
                ctx, ConversionService.SHARED, new HttpServerConfiguration());
        request.setAttribute("micronaut.http.route.match", "a route");
        assertEquals(4, request.getHeaders().names().size());
        URI parsed = request.getUri();
        HttpParameters parameters = request.getParameters();
        assertEquals("abc.def.ghi", parameters.get("token"));
        assertSame(parsed, request.getUri(), "Micronaut caches the parsed URI");
        assertSame(parameters, request.getParameters(), "and the decoded parameters");

        UpgradeRequestTrim.trim(request);

        assertTrue(request.getHeaders().isEmpty(), "no header is kept for the socket's life");
        assertTrue(upgrade.headers().isEmpty(), "Netty's request shares the headers");
        assertFalse(request.getAttribute("micronaut.http.route.match").isPresent());
        assertEquals("/ws", request.getPath(), "the request line stays readable");
        assertNotSame(parsed, request.getUri(), "the cached URI was dropped and is parsed again");
        assertEquals(parsed, request.getUri());
        assertNotSame(parameters, request.getParameters(), "the cached parameters were dropped");
        assertEquals("abc.def.ghi", request.getParameters().get("token"),
                "and are decoded again when asked");
        ch.finishAndReleaseAll();
    }

    @Test
    void emptiesAnyOtherMutableRequest() {
        MutableHttpRequest<?> request = HttpRequest.GET("/ws?token=t")
                .header("Upgrade", "websocket").header("User-Agent", "x");
        request.setAttribute("k", "v");

        UpgradeRequestTrim.trim(request);

        assertTrue(request.getHeaders().names().isEmpty());
        assertTrue(request.getAttributes().isEmpty());
    }
}
