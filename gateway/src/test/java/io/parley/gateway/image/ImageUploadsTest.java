package io.parley.gateway.image;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ImageRef;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageUploadsTest {
    private final FakeBlobs blobs = new FakeBlobs();
    private final FakeRegistry registry = new FakeRegistry();
    private final ImageUploads uploads = new ImageUploads(ImageLimits.defaults(), blobs, registry);

    @Test
    void storesTheSameFileOnceUnderItsHashWhoeverUploadsIt() {
        byte[] png = TestImages.encoded("png", 640, 480, Color.BLUE);
        ImageRef first = uploads.upload(1, "image/png", png);
        ImageRef again = uploads.upload(1, "image/png", png);
        ImageRef byOther = uploads.upload(2, "image/png", png);

        assertEquals(ImageUploads.idOf(png), first.getImageId());
        assertEquals(first.getImageId(), again.getImageId());
        assertEquals(first.getImageId(), byOther.getImageId());
        assertEquals(2, blobs.puts.get(), "the image and its thumbnail, written once");
        assertArrayEquals(png, blobs.blobs.get(first.getImageId()));
        assertEquals(640, first.getWidth());
        assertEquals(480, first.getHeight());
        assertEquals(png.length, first.getSizeBytes());
        assertEquals(first, registry.open(2, first.getImageId()), "the second uploader may read it");
    }

    @Test
    void thumbnailKeepsTheAspectWithinTheBoundAndJpegStaysJpeg() throws IOException {
        byte[] jpeg = TestImages.encoded("jpeg", 1600, 900, Color.RED);
        BufferedImage decoded = thumbnail(uploads.upload(1, "image/jpeg", jpeg), ImageFormat.JPEG);
        assertEquals(320, decoded.getWidth());
        assertEquals(180, decoded.getHeight());
    }

    @Test
    void smallImageThumbnailIsNotEnlargedAndGifBecomesPng() throws IOException {
        byte[] gif = TestImages.encoded("gif", 40, 30, Color.GREEN);
        BufferedImage decoded = thumbnail(uploads.upload(1, "image/gif", gif), ImageFormat.PNG);
        assertEquals(40, decoded.getWidth());
        assertEquals(30, decoded.getHeight());
    }

    @Test
    void refusesBytesOverTheSizeLimitWith6001() {
        ImageUploads small = new ImageUploads(new ImageLimits(1000, List.of("image/png"), 10_000,
                40_000_000L, 320), blobs, registry);
        byte[] png = TestImages.encoded("png", 400, 400, Color.BLUE);
        assertTrue(png.length > 1000);

        assertCode(ErrorCode.IMAGE_TOO_LARGE, () -> small.upload(1, "image/png", png));
        assertEquals(0, blobs.puts.get());
    }

    @Test
    void refusesATypeNotTakenAndBytesThatAreNotTheDeclaredTypeWith6002() {
        byte[] png = TestImages.encoded("png", 20, 20, Color.BLUE);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes();

        assertCode(ErrorCode.IMAGE_TYPE_NOT_ALLOWED, () -> uploads.upload(1, "image/svg+xml", png));
        assertCode(ErrorCode.IMAGE_TYPE_NOT_ALLOWED, () -> uploads.upload(1, null, png));
        assertCode(ErrorCode.IMAGE_TYPE_NOT_ALLOWED, () -> uploads.upload(1, "image/png", html));
        assertCode(ErrorCode.IMAGE_TYPE_NOT_ALLOWED, () -> uploads.upload(1, "image/jpeg", png));
        assertEquals(0, blobs.puts.get());
    }

    @Test
    void refusesADecodeBombByItsHeaderBeforeDecodingWith6005() {
        byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
        assertTrue(bomb.length < 100, "a few bytes declaring 2.5 billion pixels");

        assertCode(ErrorCode.IMAGE_DIMENSIONS_TOO_LARGE, () -> uploads.upload(1, "image/png", bomb));
        assertCode(ErrorCode.IMAGE_DIMENSIONS_TOO_LARGE,
                () -> uploads.upload(1, "image/png", TestImages.pngDeclaring(9_000, 9_000)));
        assertEquals(0, blobs.puts.get());
    }

    @Test
    void refusesAnImageWhosePixelsCannotBeDecodedWith6004() {
        byte[] truncated = TestImages.pngDeclaring(100, 100);

        assertCode(ErrorCode.IMAGE_UNREADABLE, () -> uploads.upload(1, "image/png", truncated));
        assertCode(ErrorCode.IMAGE_UNREADABLE, () -> uploads.upload(1, "image/png", new byte[0]));
        assertEquals(0, blobs.puts.get());
    }

    @Test
    void takesWebpMeasuredFromItsHeaderWithoutAThumbnail() {
        byte[] webp = TestImages.webpLossless(300, 200);
        ImageRef ref = uploads.upload(1, "image/webp", webp);

        assertEquals("image/webp", ref.getContentType());
        assertEquals(300, ref.getWidth());
        assertEquals(200, ref.getHeight());
        assertEquals(1, blobs.puts.get(), "no decoder for WebP: no thumbnail");
    }

    /** The stored thumbnail of the image, checked to be of {@code format}, decoded. */
    private BufferedImage thumbnail(ImageRef ref, ImageFormat format) throws IOException {
        byte[] thumb = blobs.blobs.get(ImageUploads.thumbKey(ref.getImageId()));
        assertEquals(format, ImageFormat.sniff(thumb).orElseThrow());
        return ImageIO.read(new ByteArrayInputStream(thumb));
    }

    private static void assertCode(ErrorCode code, Runnable call) {
        ParleyException e = assertThrows(ParleyException.class, call::run);
        assertEquals(code, e.error(), e.getMessage());
    }
}
