package io.parley.infra.e2e;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.infra.client.ApiClient;
import io.parley.infra.client.ChatClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images on the real system (issue #14): uploaded through one gateway, de-duplicated by content,
 * sent as a message, served through the other gateway to the members of that conversation only,
 * and every bad upload answered with its documented code.
 */
@ExtendWith(ClusterExtension.class)
class ImagesIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void imageIsStoredOnceAndServedOnlyToTheUploaderAndTheConversationsMembers(Cluster cluster)
            throws IOException {
        ApiClient api1 = new ApiClient(cluster.gateway1().http());
        ApiClient api2 = new ApiClient(cluster.gateway2().http());
        ApiClient.Session alice = Users.signUp(api1, "Alice");
        ApiClient.Session bob = Users.signUp(api2, "Bob");
        ApiClient.Session carol = Users.signUp(api2, "Carol");
        byte[] png = picture("png", 900, 600);

        ApiClient.Reply first = api1.postBytes("/api/images", png, "image/png", alice.token());
        ApiClient.Reply again = api2.postBytes("/api/images", png, "image/png", alice.token());
        assertEquals(201, first.status(), first.toString());
        assertEquals(201, again.status(), again.toString());
        String id = first.text("id");
        assertEquals(64, id.length());
        assertEquals("/api/images/" + id, first.text("url"));
        assertEquals(first.body(), again.body(), "the same file: the same id and URL");
        assertEquals(900L, first.number("width"));
        assertEquals(600L, first.number("height"));
        assertEquals((long) png.length, first.number("size"));
        String url = first.text("url");
        String thumbUrl = first.text("thumbUrl");

        // Not sent yet: only Alice may read it; the others are told it does not exist.
        assertEquals(200, api2.getBytes(url, alice.token()).status());
        assertNotFound(api2, url, bob);
        assertNotFound(api1, thumbUrl, bob);

        String conversation = ConversationIds.direct(alice.userId(), bob.userId());
        try (ChatClient a = ChatClient.connect(api1.base(), alice.token(), "a1", f -> { });
             ChatClient b = ChatClient.connect(api2.base(), bob.token(), "b1", f -> { });
             ChatClient c = ChatClient.connect(api2.base(), carol.token(), "c1", f -> { })) {
            a.send(new SendFrame("img-1", bob.userId(), null, "look", id));
            AckFrame ack = (AckFrame) a.await(AckFrame.class::isInstance, WAIT);
            assertEquals(conversation, ack.conversationId());
            MessageFrame pushed = (MessageFrame) b.await(f -> f instanceof MessageFrame m
                    && "img-1".equals(m.clientMsgId()), WAIT);
            assertNotNull(pushed.image(), "the push carries the image");
            assertEquals(id, pushed.image().id());
            assertEquals(url, pushed.image().url());
            assertEquals(900, pushed.image().width());
            assertEquals("look", pushed.text());

            // Carol cannot send an image she was never shown.
            c.send(new SendFrame("steal-1", alice.userId(), null, "", id));
            ErrorFrame refused = (ErrorFrame) c.await(ErrorFrame.class::isInstance, WAIT);
            assertEquals(ErrorCode.IMAGE_NOT_FOUND.code(), refused.code());
            assertEquals("steal-1", refused.clientMsgId());
        }

        // Bob, a member of the conversation it was sent in, reads it through the other gateway.
        ApiClient.Bytes full = api2.getBytes(url, bob.token());
        assertEquals(200, full.status());
        assertEquals("image/png", full.contentType());
        assertArrayEquals(png, full.body());
        ApiClient.Bytes thumb = api2.getBytes(thumbUrl, bob.token());
        assertEquals(200, thumb.status());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertEquals(320, small.getWidth());
        assertEquals(213, small.getHeight());
        // Carol is in no conversation it was sent in: on either gateway, the same 404.
        assertNotFound(api1, url, carol);
        assertNotFound(api2, thumbUrl, carol);
        assertEquals(401, api1.getBytes(url, null).status());

        // History and sync carry the image too.
        Map<String, Object> last = api2.get("/api/conversations/" + conversation + "/messages",
                bob.token()).list("items").get(0);
        assertEquals(id, ((Map<?, ?>) last.get("image")).get("id"));
        List<Map<String, Object>> inbox = api2.get("/api/sync?afterInboxSeq=0", bob.token())
                .list("items");
        Map<?, ?> synced = (Map<?, ?>) inbox.get(inbox.size() - 1).get("message");
        assertEquals(id, ((Map<?, ?>) synced.get("image")).get("id"));
    }

    @Test
    void badUploadsAreRefusedWithTheirCodesAndNothingIsServed(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session alice = Users.signUp(api, "Alice");
        byte[] gif = picture("gif", 20, 20);

        byte[] huge = new byte[(10 << 20) + 1];
        System.arraycopy(picture("png", 4, 4), 0, huge, 0, 8);
        assertRefused(api.postBytes("/api/images", huge, "image/png", alice.token()), 413,
                ErrorCode.IMAGE_TOO_LARGE);
        assertRefused(api.postBytes("/api/images", gif, "image/png", alice.token()), 415,
                ErrorCode.IMAGE_TYPE_NOT_ALLOWED);
        assertRefused(api.postBytes("/api/images", "<svg/>".getBytes(StandardCharsets.UTF_8),
                "image/svg+xml", alice.token()), 415, ErrorCode.IMAGE_TYPE_NOT_ALLOWED);
        assertRefused(api.postBytes("/api/images", "<html>".getBytes(StandardCharsets.UTF_8),
                "image/jpeg", alice.token()), 415, ErrorCode.IMAGE_TYPE_NOT_ALLOWED);
        assertRefused(api.postBytes("/api/images", pngDeclaring(60_000, 60_000), "image/png",
                alice.token()), 413, ErrorCode.IMAGE_DIMENSIONS_TOO_LARGE);
        assertRefused(api.postBytes("/api/images", gif, "image/gif", null), 401,
                ErrorCode.UNAUTHENTICATED);
        ApiClient.Bytes malformed = api.getBytes("/api/images/not-an-id", alice.token());
        assertEquals(404, malformed.status());
        ApiClient.Bytes unknown = api.getBytes("/api/images/" + "0".repeat(64), alice.token());
        assertEquals(404, unknown.status());
        assertTrue(new String(unknown.body(), StandardCharsets.UTF_8).contains("6003"));
    }

    private static void assertNotFound(ApiClient api, String url, ApiClient.Session who) {
        ApiClient.Bytes reply = api.getBytes(url, who.token());
        assertEquals(404, reply.status(), url);
        assertTrue(new String(reply.body(), StandardCharsets.UTF_8)
                .contains("\"code\":" + ErrorCode.IMAGE_NOT_FOUND.code()), reply.toString());
    }

    private static void assertRefused(ApiClient.Reply reply, int status, ErrorCode code) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals((long) code.code(), reply.number("code"), reply.toString());
    }

    private static byte[] picture(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 110, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A PNG declaring a huge size in a few bytes: a decode bomb. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8)
                .put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        byte[] name = "IHDR".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(ihdr);
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(name);
        out.writeBytes(ihdr);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
