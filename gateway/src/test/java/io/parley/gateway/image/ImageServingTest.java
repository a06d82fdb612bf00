package io.parley.gateway.image;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ImageRef;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageServingTest {
    private final FakeBlobs blobs = new FakeBlobs();
    private final FakeRegistry registry = new FakeRegistry();
    private final ImageUploads uploads = new ImageUploads(ImageLimits.defaults(), blobs, registry);
    private final ImageServing serving = new ImageServing(blobs, registry);

    @Test
    void servesTheImageAndItsThumbnailToAReaderWithTheirTypes() throws IOException {
        byte[] gif = TestImages.encoded("gif", 800, 400, Color.MAGENTA);
        ImageRef ref = uploads.upload(1, "image/gif", gif);

        ImageServing.Served full = serving.image(1, ref.getImageId());
        ImageServing.Served thumb = serving.thumbnail(1, ref.getImageId());

        assertEquals("image/gif", full.contentType());
        assertArrayEquals(gif, full.bytes().readAllBytes());
        assertEquals("image/png", thumb.contentType());
        assertArrayEquals(blobs.blobs.get(ImageUploads.thumbKey(ref.getImageId())),
                thumb.bytes().readAllBytes());
    }

    @Test
    void aWebpIsItsOwnThumbnail() throws IOException {
        byte[] webp = TestImages.webpLossless(64, 64);
        ImageRef ref = uploads.upload(1, "image/webp", webp);

        ImageServing.Served thumb = serving.thumbnail(1, ref.getImageId());
        assertEquals("image/webp", thumb.contentType());
        assertArrayEquals(webp, thumb.bytes().readAllBytes());
    }

    @Test
    void someoneLogicDoesNotLetReadGetsTheSame6003AsForAnUnknownImage() {
        ImageRef ref = uploads.upload(1, "image/png", TestImages.encoded("png", 8, 8, Color.RED));

        ParleyException other = assertThrows(ParleyException.class,
                () -> serving.image(2, ref.getImageId()));
        ParleyException unknown = assertThrows(ParleyException.class,
                () -> serving.thumbnail(1, "0".repeat(64)));
        assertEquals(ErrorCode.IMAGE_NOT_FOUND, other.error());
        assertEquals(ErrorCode.IMAGE_NOT_FOUND, unknown.error());
    }

    @Test
    void aRecordedImageMissingFromTheStoreIs6003NotA500() {
        ImageRef ref = uploads.upload(1, "image/png", TestImages.encoded("png", 8, 8, Color.RED));
        blobs.blobs.clear();

        ParleyException e = assertThrows(ParleyException.class,
                () -> serving.image(1, ref.getImageId()));
        assertEquals(ErrorCode.IMAGE_NOT_FOUND, e.error());
    }
}
