package io.parley.logic.image;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ImageIds;
import io.parley.contracts.proto.ImageRef;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;

/**
 * Who may read an image: whoever uploaded it (any of them: the same bytes uploaded by two users
 * are one image) and the members of every conversation it was sent in. Anyone else is told the
 * image does not exist (6003), the same answer as for an unknown id, so that a user holding a
 * file cannot learn from its hash whether someone else uploaded it.
 */
@Singleton
public class Images {
    private static final String READABLE = """
            SELECT i.id, i.content_type, i.width, i.height, i.size_bytes FROM images i
            WHERE i.id = ? AND (
              EXISTS (SELECT 1 FROM image_uploaders u WHERE u.image_id = i.id AND u.user_id = ?)
              OR EXISTS (SELECT 1 FROM image_uses x JOIN conversation_members m
                         ON m.conversation_id = x.conversation_id
                         WHERE x.image_id = i.id AND m.user_id = ?))
            """;

    private final JdbcOperations jdbc;

    Images(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the image (the first upload of these bytes) and {@code userId} as an uploader; a
     * repeat does nothing. The gateway measured the image; the first measurement stays.
     */
    @Transactional
    public ImageRef register(long userId, ImageRef image) {
        if (!ImageIds.isValid(image.getImageId())) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "imageId must be 64 hex digits");
        }
        jdbc.prepareStatement("INSERT IGNORE INTO images (id, content_type, width, height, "
                + "size_bytes) VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, image.getImageId());
                    ps.setString(2, image.getContentType());
                    ps.setInt(3, image.getWidth());
                    ps.setInt(4, image.getHeight());
                    ps.setLong(5, image.getSizeBytes());
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("INSERT IGNORE INTO image_uploaders (image_id, user_id) "
                + "VALUES (?, ?)", ps -> {
                    ps.setString(1, image.getImageId());
                    ps.setLong(2, userId);
                    return ps.executeUpdate();
                });
        return open(userId, image.getImageId());
    }

    /** The image, if {@code userId} may read it (and so send it on); 6003 otherwise. */
    @ReadOnly
    public ImageRef open(long userId, String imageId) {
        if (!ImageIds.isValid(imageId)) {
            throw new ParleyException(ErrorCode.IMAGE_NOT_FOUND);
        }
        ImageRef image = jdbc.prepareStatement(READABLE, ps -> {
            ps.setString(1, imageId);
            ps.setLong(2, userId);
            ps.setLong(3, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ImageRef.newBuilder().setImageId(rs.getString(1))
                        .setContentType(rs.getString(2)).setWidth(rs.getInt(3))
                        .setHeight(rs.getInt(4)).setSizeBytes(rs.getLong(5)).build() : null;
            }
        });
        if (image == null) {
            throw new ParleyException(ErrorCode.IMAGE_NOT_FOUND);
        }
        return image;
    }

    /**
     * The members of these conversations may read the image from now on. Called inside the
     * transaction that stores the message, so the image is readable exactly when the message is.
     */
    public void sentIn(String imageId, Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return;
        }
        String sql = "INSERT IGNORE INTO image_uses (image_id, conversation_id) VALUES "
                + String.join(",", Collections.nCopies(conversationIds.size(), "(?,?)"));
        jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (String c : conversationIds) {
                ps.setString(i++, imageId);
                ps.setString(i++, c);
            }
            return ps.executeUpdate();
        });
    }
}
