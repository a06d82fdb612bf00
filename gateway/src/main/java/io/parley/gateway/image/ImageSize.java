package io.parley.gateway.image;

/** An image's size in pixels, as its header declares it. */
record ImageSize(int width, int height) {
    ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("an image has at least one pixel each way");
        }
    }

    long pixels() {
        return (long) width * height;
    }
}
