package io.parley.gateway.image;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageFormatTest {
    @Test
    void recognisesEachFormatByItsMagicBytesAndNothingElse() {
        assertEquals(Optional.of(ImageFormat.PNG),
                ImageFormat.sniff(TestImages.encoded("png", 2, 2, Color.BLACK)));
        assertEquals(Optional.of(ImageFormat.JPEG),
                ImageFormat.sniff(TestImages.encoded("jpeg", 2, 2, Color.BLACK)));
        assertEquals(Optional.of(ImageFormat.GIF),
                ImageFormat.sniff(TestImages.encoded("gif", 2, 2, Color.BLACK)));
        assertEquals(Optional.of(ImageFormat.WEBP), ImageFormat.sniff(TestImages.webpLossless(2, 2)));
        assertEquals(Optional.empty(), ImageFormat.sniff("<svg></svg>".getBytes()));
        assertEquals(Optional.empty(), ImageFormat.sniff(new byte[] {(byte) 0x89, 'P'}));
    }

    @Test
    void readsDeclaredTypesWithParametersAndTheJpgAlias() {
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.ofContentType("image/jpg"));
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.ofContentType("Image/PNG; q=1"));
        assertEquals(Optional.empty(), ImageFormat.ofContentType("image/svg+xml"));
        assertEquals(Optional.empty(), ImageFormat.ofContentType(null));
    }
}
