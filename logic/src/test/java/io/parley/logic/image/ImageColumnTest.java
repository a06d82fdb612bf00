package io.parley.logic.image;

import io.parley.contracts.proto.ImageRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageColumnTest {
    @Test
    void anImageSurvivesTheMessagesColumnAndTextHasNone() {
        ImageRef image = ImageRef.newBuilder().setImageId("c0".repeat(32))
                .setContentType("image/jpeg").setWidth(1600).setHeight(900).setSizeBytes(284_113)
                .build();
        String column = ImageColumn.encode(image);

        assertEquals("c0".repeat(32) + " image/jpeg 1600 900 284113", column);
        assertEquals(image, ImageColumn.decode(column));
        assertNull(ImageColumn.encode(null));
        assertNull(ImageColumn.decode(null));
        assertThrows(IllegalStateException.class, () -> ImageColumn.decode("abc image/png"));
    }
}
