-- Images (issue #14). An image's id is the SHA-256 of its bytes, so the same file is one row
-- however often and by whomever it is uploaded; its bytes live in the gateways' blob store.
CREATE TABLE images (
    id           CHAR(64)     NOT NULL,
    content_type VARCHAR(32)  NOT NULL,
    width        INT          NOT NULL,
    height       INT          NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii;

-- Who uploaded it: an uploader may always read the image and send it.
CREATE TABLE image_uploaders (
    image_id   CHAR(64)     NOT NULL,
    user_id    BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (image_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii;

-- Where it was sent: the members of these conversations may read it. Written in the
-- transaction that stores the message.
CREATE TABLE image_uses (
    image_id        CHAR(64)    NOT NULL,
    conversation_id VARCHAR(48) NOT NULL,
    PRIMARY KEY (image_id, conversation_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii;

-- An image message's image: "<id> <content type> <width> <height> <bytes>" (immutable for an
-- id, so copied here rather than joined on every page); NULL for text and after a recall.
ALTER TABLE messages ADD COLUMN image VARCHAR(160) NULL;
