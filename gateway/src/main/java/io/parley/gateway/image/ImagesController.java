package io.parley.gateway.image;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.frame.MessageImage;
import io.parley.contracts.ids.ImageIds;
import io.parley.gateway.api.ErrorBody;
import io.parley.gateway.auth.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * Uploading an image (the raw bytes as the body, their type in {@code Content-Type}) and fetching
 * an image or its thumbnail. An image's URL never changes what it serves (the id is the hash of
 * the bytes), so browsers may keep it for good; it is private to the users allowed to read it.
 */
@Controller("/api/images")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ImagesController {
    private static final String CACHE = "private, max-age=31536000, immutable";

    private final ImageUploads uploads;
    private final ImageServing serving;

    ImagesController(ImageUploads uploads, ImageServing serving) {
        this.uploads = uploads;
        this.serving = serving;
    }

    @Post
    @Consumes(MediaType.ALL)
    @ApiResponse(responseCode = "201", description = "the image, stored (or stored already)")
    @ApiResponse(responseCode = "400", description = "6004 IMAGE_UNREADABLE",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "413", description = "6001 IMAGE_TOO_LARGE, "
            + "6005 IMAGE_DIMENSIONS_TOO_LARGE",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = "6002 IMAGE_TYPE_NOT_ALLOWED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<MessageImage> upload(Authentication auth,
                                      @Nullable @Header("Content-Type") String contentType,
                                      @Nullable @Body byte[] body) {
        return HttpResponse.created(MessageImage.of(uploads.upload(Caller.id(auth), contentType,
                body == null ? new byte[0] : body)));
    }

    @Get(uri = "/{id}", produces = {"image/png", "image/jpeg", "image/gif", "image/webp",
            MediaType.APPLICATION_JSON})
    @ApiResponse(responseCode = "200", description = "the image's bytes")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "6003 IMAGE_NOT_FOUND",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<StreamedFile> image(Authentication auth, String id) {
        return served(serving.image(Caller.id(auth), checked(id)));
    }

    @Get(uri = "/{id}/thumb", produces = {"image/png", "image/jpeg", "image/gif", "image/webp",
            MediaType.APPLICATION_JSON})
    @ApiResponse(responseCode = "200", description = "the thumbnail's bytes")
    @ApiResponse(responseCode = "401", description = "2001 UNAUTHENTICATED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "6003 IMAGE_NOT_FOUND",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<StreamedFile> thumbnail(Authentication auth, String id) {
        return served(serving.thumbnail(Caller.id(auth), checked(id)));
    }

    private static String checked(String id) {
        if (!ImageIds.isValid(id)) {
            throw new ParleyException(ErrorCode.IMAGE_NOT_FOUND);
        }
        return id;
    }

    private static HttpResponse<StreamedFile> served(ImageServing.Served served) {
        return HttpResponse.ok(new StreamedFile(served.bytes(), MediaType.of(served.contentType())))
                .header("Cache-Control", CACHE)
                .header("X-Content-Type-Options", "nosniff");
    }
}
